"""``mediakit serve``: a local preview that rebuilds on every save and reloads the browser."""
