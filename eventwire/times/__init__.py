"""Times: TIMEX3 tagging and normalisation of time expressions against the publication date."""
