"""Search: the index, the query language, hits as shown, recent searches."""
