"""``mediakit serve``: a local preview that rebuilds on every save and reloads the browser.

watch.py runs a session (build, watch, rebuild, until stopped); http.py serves the output
folder; live.py is what makes the served pages reload.
"""
