"""Progress: the report files, the reference date and the state derived from them."""
