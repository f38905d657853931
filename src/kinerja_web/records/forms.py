"""Forms of records: Rupiah and numbers through kinerja_web.formfields."""
