"""Fill the Indonesian catalog from ``ID`` below: ``python locale/translate_id.py`` (from src/kinerja_web).

Kept beside the catalog so a helper adding strings can add their translations here (or edit
``django.po`` directly: entries already translated in the file are kept), then run
``kinerja-web compilemessages``.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).parent / "id" / "LC_MESSAGES" / "django.po"

ID: dict[str, str | tuple[str, ...]] = {
    "Accounts": "Akun",
    "Users": "Pengguna",
    "administrator": "administrator",
    "facilitator": "pendamping",
    "owner": "pemilik",
    "user": "pengguna",
    "program": "program",
    "role": "peran",
    "membership": "keanggotaan",
    "memberships": "keanggotaan",
    "cluster": "klaster",
    "facilitator assignment": "penugasan pendamping",
    "facilitator assignments": "penugasan pendamping",
    "People of the programs you administer. Roles are assigned in the administration site.": (
        "Orang-orang dalam program yang Anda kelola. Peran diatur di situs administrasi."
    ),
    "Username": "Nama pengguna",
    "Name": "Nama",
    "Roles": "Peran",
    "Set password": "Atur kata sandi",
    "No users yet.": "Belum ada pengguna.",
    "New password for %(name)s": "Kata sandi baru untuk %(name)s",
    "Cancel": "Batal",
    "The password of %(user)s was changed.": "Kata sandi %(user)s sudah diganti.",
    "Audit": "Audit",
    "Audit trail": "Jejak audit",
    "Enterprise": "Usaha",
    "Action": "Tindakan",
    "when": "waktu",
    "who": "oleh",
    "username": "nama pengguna",
    "action": "tindakan",
    "object type": "jenis objek",
    "object id": "id objek",
    "object": "objek",
    "enterprise": "usaha",
    "changes": "perubahan",
    "audit entry": "catatan audit",
    "audit entries": "catatan audit",
    "Who changed what, and when, in what you manage.": (
        "Siapa mengubah apa, dan kapan, pada data yang Anda kelola."
    ),
    "Filter": "Saring",
    "When": "Waktu",
    "Who": "Oleh",
    "Object": "Objek",
    "Changes": "Perubahan",
    "No changes recorded yet.": "Belum ada perubahan yang tercatat.",
    "Pages": "Halaman",
    "Previous": "Sebelumnya",
    "Page %(number)s of %(total)s": "Halaman %(number)s dari %(total)s",
    "Next": "Berikutnya",
    "Enter a number such as %(example)s.": "Masukkan angka seperti %(example)s.",
    "Enter whole Rupiah, such as %(example)s.": "Masukkan Rupiah bulat, seperti %(example)s.",
    "Rupiah here are whole: leave out the part after the decimal mark.": (
        "Rupiah di sini bulat: hapus bagian di belakang tanda desimal."
    ),
    "KPI frameworks": "Kerangka KPI",
    "Performance": "Kinerja",
    "Programs": "Program",
    "Enterprises": "Usaha",
    "Net assets (Rp)": "Kekayaan bersih (Rp)",
    "Excluding land and buildings, as Law 20/2008 counts them.": (
        "Tidak termasuk tanah dan bangunan, sebagaimana dihitung UU 20/2008."
    ),
    "Business capital (Rp)": "Modal usaha (Rp)",
    "Modal usaha, as Government Regulation 7/2021 counts it. Leave empty if unknown.": (
        "Modal usaha, sebagaimana dihitung PP 7/2021. Kosongkan jika tidak diketahui."
    ),
    "Annual sales (Rp)": "Hasil penjualan tahunan (Rp)",
    "Day first: 03/04/2025 is 3 April 2025.": "Tanggal lebih dulu: 03/04/2025 adalah 3 April 2025.",
    "The end date is before the start date.": "Tanggal selesai sebelum tanggal mulai.",
    "Cluster": "Klaster",
    "Name or NIB": "Nama atau NIB",
    "An NIB is exactly 13 digits (0-9), with no spaces or dots.": (
        "NIB terdiri dari tepat 13 angka (0-9), tanpa spasi atau titik."
    ),
    "name": "nama",
    "description": "keterangan",
    "funder": "penyandang dana",
    "space after Rp": "spasi setelah Rp",
    "Show Rupiah as “Rp 1.234.567”; off gives the spelling guide's “Rp1.234.567”.": (
        "Tampilkan Rupiah sebagai “Rp 1.234.567”; jika dimatikan, sesuai pedoman ejaan: “Rp1.234.567”."
    ),
    "created": "dibuat",
    "programs": "program",
    "sub-district": "kecamatan",
    "industry centre": "sentra industri",
    "kind": "jenis",
    "sub-district (kecamatan)": "kecamatan",
    "regency or city": "kabupaten atau kota",
    "clusters": "klaster",
    "NIB": "NIB",
    "Nomor Induk Berusaha: the 13-digit business identification number from OSS.": (
        "Nomor Induk Berusaha: nomor identitas usaha 13 angka dari OSS."
    ),
    "Another enterprise is already registered with this NIB.": "Usaha lain sudah terdaftar dengan NIB ini.",
    "commodity": "komoditas",
    "address": "alamat",
    "village (desa/kelurahan)": "desa/kelurahan",
    "year founded": "tahun berdiri",
    "net assets (Rp)": "kekayaan bersih (Rp)",
    "business capital (Rp)": "modal usaha (Rp)",
    "Modal usaha, as Government Regulation 7/2021 counts it.": "Modal usaha, sebagaimana dihitung PP 7/2021.",
    "annual sales (Rp)": "hasil penjualan tahunan (Rp)",
    "updated": "diperbarui",
    "enterprises": "usaha",
    "permanent": "tetap",
    "Pekerja tetap; off for a non-permanent worker.": "Pekerja tetap; matikan untuk pekerja tidak tetap.",
    "start date": "tanggal mulai",
    "end date": "tanggal selesai",
    "worker": "pekerja",
    "workers": "pekerja",
    "Kind": "Jenis",
    "Sub-district": "Kecamatan",
    "Regency or city": "Kabupaten atau kota",
    "Register an enterprise": "Daftarkan usaha",
    "Edit cluster": "Ubah klaster",
    "Commodity": "Komoditas",
    "Village": "Desa",
    "No enterprises yet.": "Belum ada usaha.",
    "Pages of this enterprise": "Halaman usaha ini",
    "Program": "Program",
    "Address": "Alamat",
    "Year founded": "Tahun berdiri",
    "Net assets": "Kekayaan bersih",
    "(excluding land and buildings)": "(tidak termasuk tanah dan bangunan)",
    "Business capital": "Modal usaha",
    "Annual sales": "Hasil penjualan tahunan",
    "Owner": "Pemilik",
    "Edit enterprise": "Ubah data usaha",
    "Size class": "Skala usaha",
    "Workers": "Pekerja",
    "Add a worker": "Tambah pekerja",
    "Role": "Peran",
    "Status": "Status",
    "Start": "Mulai",
    "End": "Selesai",
    "non-permanent": "tidak tetap",
    "Edit": "Ubah",
    "No workers recorded yet.": "Belum ada pekerja yang tercatat.",
    "Search": "Cari",
    "No enterprise matches.": "Tidak ada usaha yang cocok.",
    "Save": "Simpan",
    "Funder": "Penyandang dana",
    "Rupiah shown as": "Rupiah ditampilkan sebagai",
    "Edit program": "Ubah program",
    "Add a cluster": "Tambah klaster",
    "Clusters": "Klaster",
    "No clusters yet.": "Belum ada klaster.",
    "%(counter)s cluster": ("%(counter)s klaster",),
    "You take part in no program yet.": "Anda belum ikut program apa pun.",
    "Remove this worker": "Hapus pekerja ini",
    "Only for a worker entered by mistake. A worker who left keeps their history: "
    "give an end date instead.": (
        "Hanya untuk pekerja yang salah dimasukkan. Pekerja yang keluar tetap menyimpan riwayatnya: "
        "isi tanggal selesai saja."
    ),
    "Remove": "Hapus",
    "Saved.": "Tersimpan.",
    "Cluster added.": "Klaster ditambahkan.",
    "New cluster": "Klaster baru",
    "Enterprise registered.": "Usaha terdaftar.",
    "Worker added.": "Pekerja ditambahkan.",
    "Edit worker": "Ubah pekerja",
    "Worker removed.": "Pekerja dihapus.",
    "Records": "Catatan",
    "Indonesian": "Bahasa Indonesia",
    "English": "Bahasa Inggris",
    "Not allowed": "Tidak diizinkan",
    "Sorry, your account may not do this. Ask your program's administrator if you think it should.": (
        "Maaf, akun Anda tidak boleh melakukan ini. "
        "Tanyakan administrator program Anda bila seharusnya boleh."
    ),
    "Back to the home page": "Kembali ke beranda",
    "Page not found": "Halaman tidak ditemukan",
    "Sorry, this page does not exist, or it is not yours to see.": (
        "Maaf, halaman ini tidak ada, atau bukan untuk Anda lihat."
    ),
    "Something went wrong": "Terjadi kesalahan",
    "Sorry, we could not finish this. The problem has been logged; please try again later.": (
        "Maaf, permintaan ini tidak dapat diselesaikan. Masalahnya sudah dicatat; silakan coba lagi nanti."
    ),
    "Kinerja": "Kinerja",
    "Language": "Bahasa",
    "Switch": "Ganti",
    "Password": "Kata sandi",
    "Log out": "Keluar",
    "Log in": "Masuk",
    "Main menu": "Menu utama",
    "Home": "Beranda",
    "Kinerja: performance and competence of MSMEs (UMKM).": "Kinerja: kinerja dan kompetensi UMKM.",
    "Welcome, %(name)s": "Selamat datang, %(name)s",
    "What you can do": "Yang dapat Anda lakukan",
    "No clusters.": "Tidak ada klaster.",
    "No enterprises.": "Tidak ada usaha.",
    "All %(counter)s enterprise": ("Semua %(counter)s usaha",),
    "Too many attempts": "Terlalu banyak percobaan",
    "This account is locked for an hour after too many failed logins. Try again later or ask your "
    "program's administrator.": (
        "Akun ini dikunci selama satu jam setelah terlalu banyak gagal masuk. Coba lagi nanti atau "
        "tanyakan administrator program Anda."
    ),
    "Forgot your password? Ask your program's administrator to set a new one.": (
        "Lupa kata sandi? Minta administrator program Anda untuk mengatur yang baru."
    ),
    "Password changed": "Kata sandi diganti",
    "Your password was changed.": "Kata sandi Anda sudah diganti.",
    "Change password": "Ganti kata sandi",
    # trust-inputs (issue 8): limits, lockout, audit sentences, hardening
    "Type the digits 0-9 only.": "Ketik angka 0-9 saja.",
    "Enter a number of at most %(limit)s.": "Masukkan angka paling besar %(limit)s.",
    "Enter at most Rp %(limit)s.": "Masukkan paling banyak Rp %(limit)s.",
    "Enter a date between %(first)s and %(last)s.": "Masukkan tanggal antara %(first)s dan %(last)s.",
    "A cluster of this program is already called %(name)s: choose another name.": (
        "Sudah ada klaster program ini bernama %(name)s: pilih nama lain."
    ),
    "%(user)s was not locked out.": "%(user)s tidak sedang terkunci.",
    "Locked out": "Terkunci",
    (
        "After %(limit)s wrong password from one address, that address cannot log in with the username "
        "for a while; the owner can still log in from elsewhere."
    ): (
        "Setelah %(limit)s kata sandi salah dari satu alamat, alamat itu tidak dapat masuk dengan "
        "nama pengguna tersebut untuk sementara; pemiliknya tetap dapat masuk dari tempat lain."
    ),
    "from %(address)s, until %(until)s": "dari %(address)s, sampai %(until)s",
    "Unlock": "Buka kunci",
    "All actions": "Semua tindakan",
    "What": "Apa",
    "%(enterprise)s's %(field)s for %(indicator)s, %(period)s: %(old)s → %(new)s": (
        "%(field)s %(enterprise)s untuk %(indicator)s, %(period)s: %(old)s → %(new)s"
    ),
    "changed the program %(object)s": "mengubah program %(object)s",
    "changed the rating bands of %(object)s": "mengubah rentang predikat %(object)s",
    "added the cluster %(object)s": "menambah klaster %(object)s",
    "changed the cluster %(object)s": "mengubah klaster %(object)s",
    "registered the enterprise %(object)s": "mendaftarkan usaha %(object)s",
    "changed the enterprise %(object)s": "mengubah usaha %(object)s",
    "added the worker %(object)s": "menambah pekerja %(object)s",
    "changed the worker %(object)s": "mengubah pekerja %(object)s",
    "removed the worker %(object)s": "menghapus pekerja %(object)s",
    "added the person %(object)s": "menambah orang %(object)s",
    "changed the roles of %(object)s": "mengubah peran %(object)s",
    "reset the password of %(object)s": "mengatur ulang kata sandi %(object)s",
    "changed their own password": "mengganti kata sandinya sendiri",
    "let %(object)s log in again": "mengizinkan %(object)s masuk lagi",
    "stopped %(object)s from logging in": "menghentikan akses masuk %(object)s",
    "lifted the login lockout of %(object)s": "membuka kunci masuk %(object)s",
    "created the KPI framework %(object)s": "membuat kerangka KPI %(object)s",
    "changed the KPI framework %(object)s": "mengubah kerangka KPI %(object)s",
    "deleted the KPI framework %(object)s": "menghapus kerangka KPI %(object)s",
    "made a new version of the KPI framework %(object)s": "membuat versi baru kerangka KPI %(object)s",
    "added %(object)s to a KPI framework": "menambah %(object)s ke kerangka KPI",
    "changed the indicator %(object)s": "mengubah indikator %(object)s",
    "renamed %(object)s": "mengganti nama %(object)s",
    "moved %(object)s": "memindahkan %(object)s",
    "removed %(object)s from a KPI framework": "menghapus %(object)s dari kerangka KPI",
    "changed how %(object)s is weighted": "mengubah cara pembobotan %(object)s",
    "set the adopted weights of %(object)s": "menetapkan bobot yang dipakai untuk %(object)s",
    "saved an expert's judgments on %(object)s": "menyimpan penilaian pakar untuk %(object)s",
    "removed an expert's judgments on %(object)s": "menghapus penilaian pakar untuk %(object)s",
    "created the period %(object)s": "membuat periode %(object)s",
    "closed the period %(object)s": "menutup periode %(object)s",
    "reopened the period %(object)s": "membuka kembali periode %(object)s",
    "started the scorecard %(object)s": "memulai kartu skor %(object)s",
    "saved targets and actuals of %(object)s": "menyimpan target dan realisasi %(object)s",
    "approved the scorecard %(object)s": "menyetujui kartu skor %(object)s",
    "acknowledged the scorecard %(object)s": "mengakui kartu skor %(object)s",
    "proposed targets for %(object)s": "mengusulkan target untuk %(object)s",
    "accepted the proposal %(object)s": "menerima usulan %(object)s",
    "rejected the proposal %(object)s": "menolak usulan %(object)s",
    "recorded the day %(object)s": "mencatat hari %(object)s",
    "recorded the order %(object)s": "mencatat pesanan %(object)s",
    "removed the order %(object)s": "menghapus pesanan %(object)s",
    "recorded the equipment %(object)s": "mencatat peralatan %(object)s",
    "removed the equipment %(object)s": "menghapus peralatan %(object)s",
    "recorded the raw material %(object)s": "mencatat bahan baku %(object)s",
    "removed the raw material %(object)s": "menghapus bahan baku %(object)s",
    "logged the innovation %(object)s": "mencatat inovasi %(object)s",
    "removed the innovation %(object)s": "menghapus inovasi %(object)s",
    "changed": "diubah",
    "deleted": "dihapus",
    "moved": "dipindahkan",
    "saved": "disimpan",
    "closed": "ditutup",
    "submitted": "dikirim",
    "revoked": "dicabut",
    "uploaded": "diunggah",
    "password": "kata sandi",
    "locked out": "terkunci",
    "version": "versi",
    "rows": "baris",
    "approved": "disetujui",
    "acknowledged": "diakui",
    "framework": "kerangka",
    "period": "periode",
    "roles": "peran",
    "rating bands": "rentang predikat",
    "reset": "diatur ulang",
}


def main() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="id")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in ID:
            text = ID[key]
            if message.pluralizable:  # Indonesian nouns do not change with number
                text = (text[0] if isinstance(text, tuple) else text,) * catalog.num_plurals
            message.string = text
            message.flags.discard("fuzzy")
        elif not (message.string[0] if isinstance(message.string, tuple) else message.string):
            missing.append(key)
    catalog.project, catalog.version = "Kinerja", "0.1"
    catalog.fuzzy = False
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True)
    for key in missing:
        print("untranslated:", key)


if __name__ == "__main__":
    main()
