"""Writing the site: the atomic swap into ``site/``, its manifest, and the build record.

Only this stage touches the output folder; it never removes a file it did not write.
"""
