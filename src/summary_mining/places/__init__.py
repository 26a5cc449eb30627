"""Places and periods: which region and which reporting period a document (article) is about."""
