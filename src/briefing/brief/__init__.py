"""The brief: model, dates, the format as data, safe YAML, validation, loading, articles,
cache and schema."""
