"""Package data: the offline gazetteer (GeoNames, CC BY 4.0; see NOTICE)."""
