"""Report + profile + Markdown -> the site's files as bytes in memory (nothing written here).

Pages (``render``), charts, pitches and case studies, stats.json, share previews, the PDF and
the number formatting they share. ``mediakit.publish`` is what writes them into ``site/``.
"""
