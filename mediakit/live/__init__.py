"""The only package that talks to the network; only explicit commands call it.

``mediakit auth`` and ``mediakit pull`` (live numbers from the platforms' APIs; their clients are
the ``live`` extra, ``pip install "creator-mediakit[live]"``) and ``mediakit thumbnails`` (the
covers of the kit's posts). ``build``, ``serve`` and ``roster`` never do: a build reads files the
creator has (and commits), so it stays offline, deterministic and quick.
"""
