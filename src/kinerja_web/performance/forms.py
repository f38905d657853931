"""Forms of performance: Rupiah and numbers through kinerja_web.formfields."""
