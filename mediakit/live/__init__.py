"""Live numbers: the only package that talks to the network.

Only explicit commands (``mediakit auth``, ``mediakit pull``) call it; ``build``, ``serve`` and
``roster`` never do, so a build stays offline and deterministic. Its dependencies are the
``live`` extra (``pip install "creator-mediakit[live]"``).
"""
