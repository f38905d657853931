"""Forms of frameworks: Rupiah and numbers through kinerja_web.formfields."""
