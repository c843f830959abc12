"""The same pipeline on Apache Spark (optional extra: ``pip install eventwire[spark]``)."""
