"""Static files with hashed names once collected, so browsers keep them for a year.

``collectstatic`` with this storage writes each file under a name carrying a hash of its
content (``kinerja.3f2a9c1b.css``), a ``staticfiles.json`` manifest, and gzip and Brotli
copies (WhiteNoise's ``CompressedManifestStaticFilesStorage``; Brotli when the ``brotli``
package is installed). WhiteNoise then serves a hashed name with ``Cache-Control: max-age=
315360000, public, immutable`` and the compressed copy the browser accepts: on a slow phone
connection a second visit downloads no CSS or JavaScript at all, and a changed file gets a
new name, so nobody keeps a stale one.

Before ``collectstatic`` (the tests, a fresh checkout served with ``DEBUG`` on) there is no
manifest: then pages name the files as they are (``kinerja.css``) instead of failing, which
is what Django's manifest storage would do.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class CollectedManifestStorage(CompressedManifestStaticFilesStorage):
    """``CompressedManifestStaticFilesStorage`` that names files plainly while nothing is collected."""

    manifest_strict = False  # a file added since collectstatic: hashed from STATIC_ROOT if there

    def stored_name(self, name: str) -> str:
        if not self.hashed_files:  # no manifest yet: not collected
            return name
        return super().stored_name(name)
