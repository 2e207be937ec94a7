"""Many creators at once: each creator's kit in a process pool (or Dask), plus an index page."""
