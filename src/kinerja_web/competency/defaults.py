"""The default competency template: the competency paper's areas, in Indonesian and English.

Source: ``shared/domain/seed-000-competency-strategy.txt`` (Manteiro et al., human resource
competency development as a strategy for MSME performance). Its problem statement names the
gaps this template covers: management knowledge (planning, bookkeeping, stock, people),
production technology and automation, e-commerce and digital marketing, creativity and
innovation, communication and customer service; the commodity's production skills are added
for the demo program's coconut sugar (tapping, cooking, molding, hygiene). Its strategy names
the six levers (training programs, leadership development, access to technology, networking,
access to capital, monitoring and evaluation); ``LEVERS`` maps each to the areas it addresses
(the default rule set, which a program edits).

Every item has five anchor sentences (level 1..5) that say what that level looks like in a
small coconut-sugar business, and the level each default role (``programs.models.
DEFAULT_WORKER_ROLES``) needs; an item a role does not need has no required level for it.
SKKNI unit codes are left blank: a code is only filled in where the unit is certain, and no
published unit is certain to match these items (a program adds its own on the item's page).

Texts are ``(Indonesian, English)`` pairs; ``text(pair, language)`` picks one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: A text in both languages: (Indonesian, English).
Text = tuple[str, str]

LANGUAGES = ("id", "en")


def text(pair: Text, language: str) -> str:
    """The ``language`` ("id" or "en") version of ``pair``."""
    return pair[LANGUAGES.index(language)]


@dataclass(frozen=True)
class ItemTemplate:
    code: str
    kind: str  # knowledge, skill or ability (competency.models.Item.Kind)
    name: Text
    anchors: tuple[Text, Text, Text, Text, Text]
    #: Required level per default role code; roles not listed need no level for this item.
    required: Mapping[str, int] = field(default_factory=dict)
    skkni_code: str = ""
    skkni_title: Text = ("", "")


@dataclass(frozen=True)
class AreaTemplate:
    key: str
    name: Text
    description: Text
    items: tuple[ItemTemplate, ...]


@dataclass(frozen=True)
class LeverTemplate:
    code: str
    name: Text
    description: Text
    #: Keys of the areas this lever addresses (the rule set).
    areas: tuple[str, ...]


NAME: Text = ("Kompetensi SDM UMKM", "MSME people's competencies")
DESCRIPTION: Text = (
    "Bidang dan butir kompetensi dari makalah pengembangan kompetensi SDM UMKM, dengan "
    "keterampilan produksi gula kelapa.",
    "Areas and items of competence from the MSME competency development paper, with coconut "
    "sugar production skills.",
)

AREAS: tuple[AreaTemplate, ...] = (
    AreaTemplate(
        "management",
        ("Manajemen usaha", "Business management"),
        (
            "Perencanaan, pembukuan, persediaan dan pengelolaan orang.",
            "Planning, bookkeeping, stock and managing people.",
        ),
        (
            ItemTemplate(
                "M1",
                "ability",
                ("Perencanaan usaha", "Business planning"),
                (
                    (
                        "Tidak membuat rencana; produksi dan pembelian mengikuti pesanan hari itu.",
                        "Makes no plan; production and purchases follow the day's orders.",
                    ),
                    (
                        "Punya gambaran target bulanan di kepala, tetapi tidak tertulis dan jarang dicek.",
                        "Has a monthly target in mind, but not written down and rarely checked.",
                    ),
                    (
                        "Menulis rencana produksi dan penjualan bulanan (jumlah, harga, kebutuhan nira "
                        "dan kayu bakar) dan mengeceknya setiap bulan.",
                        "Writes a monthly production and sales plan (quantities, prices, sap and "
                        "firewood needed) and checks it every month.",
                    ),
                    (
                        "Menyusun rencana tahunan dengan anggaran dan musim (kemarau, hujan), lalu "
                        "menyesuaikannya bila hasil menyimpang.",
                        "Draws up a yearly plan with a budget and the seasons (dry, rainy), and adjusts "
                        "it when results deviate.",
                    ),
                    (
                        "Merencanakan pengembangan usaha (pasar baru, alat, modal) dengan perhitungan "
                        "untung-rugi dan membantu usaha lain menyusun rencananya.",
                        "Plans the business's growth (new markets, equipment, capital) with a "
                        "cost-benefit calculation and helps other businesses draw up theirs.",
                    ),
                ),
                {"owner-manager": 4, "administration": 3},
            ),
            ItemTemplate(
                "M2",
                "skill",
                ("Pembukuan keuangan", "Bookkeeping"),
                (
                    (
                        "Uang usaha dan uang rumah tangga tercampur; tidak ada catatan.",
                        "Business and household money are mixed; nothing is written down.",
                    ),
                    (
                        "Mencatat sebagian penjualan di buku, tetapi pengeluaran tidak lengkap.",
                        "Writes some sales in a book, but the expenses are incomplete.",
                    ),
                    (
                        "Mencatat setiap pemasukan dan pengeluaran harian dan memisahkan uang usaha "
                        "dari uang pribadi.",
                        "Records every day's income and expenses and keeps business money apart from "
                        "personal money.",
                    ),
                    (
                        "Menghitung laba rugi bulanan dan harga pokok per kilogram gula dari catatannya.",
                        "Works out the monthly profit and loss and the cost per kilogram of sugar from "
                        "the records.",
                    ),
                    (
                        "Menyusun laporan keuangan sederhana (laba rugi, neraca, arus kas) yang diterima "
                        "bank atau koperasi untuk pengajuan kredit.",
                        "Prepares simple financial statements (profit and loss, balance sheet, cash "
                        "flow) that a bank or cooperative accepts for a loan application.",
                    ),
                ),
                {"owner-manager": 3, "administration": 4, "sales": 2},
            ),
            ItemTemplate(
                "M3",
                "skill",
                ("Pengelolaan persediaan", "Stock management"),
                (
                    (
                        "Tidak tahu berapa stok gula, kemasan dan kayu bakar; sering kehabisan.",
                        "Does not know how much sugar, packaging and firewood is in stock; often runs out.",
                    ),
                    (
                        "Mengecek stok dengan melihat gudang bila perlu, tanpa catatan.",
                        "Checks stock by looking in the store when needed, without records.",
                    ),
                    (
                        "Mencatat barang masuk dan keluar (gula jadi, kemasan, kayu bakar, kapur) dan "
                        "tahu kapan harus membeli lagi.",
                        "Records goods in and out (finished sugar, packaging, firewood, lime) and knows "
                        "when to buy again.",
                    ),
                    (
                        "Menjaga stok minimum, memakai stok lama lebih dulu dan menyimpan gula di tempat "
                        "kering agar tidak lembek.",
                        "Keeps a minimum stock, uses older stock first and stores sugar in a dry place "
                        "so it does not soften.",
                    ),
                    (
                        "Merencanakan stok menurut musim dan pesanan dan menghitung kerugian karena gula "
                        "rusak atau susut.",
                        "Plans stock by season and orders and works out the losses from spoiled or "
                        "shrunken sugar.",
                    ),
                ),
                {"owner-manager": 3, "administration": 4, "production": 2, "sales": 2},
            ),
            ItemTemplate(
                "M4",
                "ability",
                ("Pengelolaan SDM", "Managing people"),
                (
                    (
                        "Tugas pekerja tidak jelas; pembagian kerja berubah setiap hari tanpa dibicarakan.",
                        "Workers' tasks are unclear; the division of work changes every day without "
                        "discussion.",
                    ),
                    (
                        "Membagi tugas secara lisan, tetapi jadwal dan upah tidak tercatat.",
                        "Hands out tasks by word of mouth, but schedules and wages are not recorded.",
                    ),
                    (
                        "Membuat jadwal kerja dan giliran, mencatat kehadiran dan membayar upah tepat waktu.",
                        "Sets work schedules and rotations, records attendance and pays wages on time.",
                    ),
                    (
                        "Memberi arahan dan umpan balik rutin, melatih pekerja baru dan menyelesaikan "
                        "perselisihan.",
                        "Gives regular guidance and feedback, trains new workers and settles disagreements.",
                    ),
                    (
                        "Mengembangkan pekerja (rencana pelatihan, tugas yang meningkat) dan menyiapkan "
                        "pengganti untuk tugas penting.",
                        "Develops workers (training plans, growing duties) and prepares a stand-in for "
                        "key tasks.",
                    ),
                ),
                {"owner-manager": 4, "administration": 2},
            ),
        ),
    ),
    AreaTemplate(
        "technology",
        ("Teknologi produksi dan otomasi", "Production technology and automation"),
        (
            "Memakai dan merawat alat produksi; alat digital dan otomasi.",
            "Using and maintaining production equipment; digital tools and automation.",
        ),
        (
            ItemTemplate(
                "T1",
                "skill",
                ("Penggunaan alat produksi", "Operating production equipment"),
                (
                    (
                        "Hanya memakai tungku dan wajan tradisional; belum pernah memakai alat lain.",
                        "Uses only the traditional stove and pan; has never used other equipment.",
                    ),
                    (
                        "Memakai alat yang ada (timbangan, pengaduk, cetakan) bila dibantu atau diawasi.",
                        "Uses the available equipment (scales, stirrer, moulds) when helped or supervised.",
                    ),
                    (
                        "Memakai alat produksi sendiri dengan benar dan aman, termasuk tungku hemat kayu "
                        "bakar dan timbangan digital.",
                        "Operates the production equipment alone, correctly and safely, including a "
                        "fuel-saving stove and digital scales.",
                    ),
                    (
                        "Merawat alat, mengenali kerusakan awal dan memperbaiki kerusakan ringan.",
                        "Maintains the equipment, spots early faults and fixes minor breakdowns.",
                    ),
                    (
                        "Memilih dan menerapkan alat atau mesin baru (pengering, penggiling gula semut, "
                        "sealer) dan melatih pekerja lain memakainya.",
                        "Chooses and introduces new equipment or machines (dryer, grinder for granulated "
                        "palm sugar, sealer) and trains other workers to use them.",
                    ),
                ),
                {"production": 3, "owner-manager": 3},
            ),
            ItemTemplate(
                "T2",
                "skill",
                ("Alat digital dan otomasi", "Digital tools and automation"),
                (
                    (
                        "Tidak memakai telepon pintar atau aplikasi untuk pekerjaan.",
                        "Does not use a smartphone or apps for work.",
                    ),
                    (
                        "Memakai telepon pintar hanya untuk pesan dan telepon dengan pelanggan.",
                        "Uses a smartphone only for messages and calls with customers.",
                    ),
                    (
                        "Memakai aplikasi kasir atau pencatatan (misalnya lembar kerja) untuk penjualan "
                        "dan stok.",
                        "Uses a point-of-sale or record-keeping app (a spreadsheet, for example) for "
                        "sales and stock.",
                    ),
                    (
                        "Menghubungkan catatan produksi, stok dan penjualan dalam satu aplikasi dan "
                        "memakai laporannya untuk mengambil keputusan.",
                        "Links production, stock and sales records in one app and uses its reports to "
                        "make decisions.",
                    ),
                    (
                        "Mengotomatiskan pekerjaan berulang (pengingat pesanan, termometer atau pengatur "
                        "waktu pemasakan, pembayaran digital) dan mengajari orang lain.",
                        "Automates repeated work (order reminders, a cooking thermometer or timer, "
                        "digital payments) and teaches others.",
                    ),
                ),
                {"owner-manager": 3, "administration": 3, "sales": 3, "production": 2},
            ),
        ),
    ),
    AreaTemplate(
        "digital",
        ("E-commerce dan pemasaran digital", "E-commerce and digital marketing"),
        ("Promosi di media sosial dan berjualan daring.", "Promotion on social media and selling online."),
        (
            ItemTemplate(
                "D1",
                "skill",
                ("Promosi di media sosial", "Social media promotion"),
                (
                    (
                        "Usaha tidak punya akun media sosial; promosi hanya dari mulut ke mulut.",
                        "The business has no social media account; promotion is by word of mouth only.",
                    ),
                    (
                        "Punya akun, tetapi jarang mengunggah dan tanpa foto produk yang baik.",
                        "Has an account, but rarely posts and has no good product photos.",
                    ),
                    (
                        "Mengunggah foto dan informasi produk (harga, cara memesan) secara teratur, "
                        "paling sedikit seminggu sekali.",
                        "Posts product photos and information (price, how to order) regularly, at least "
                        "once a week.",
                    ),
                    (
                        "Membuat konten yang menarik (cerita penyadapan, testimoni), membalas komentar "
                        "dan membaca statistik jangkauan.",
                        "Creates engaging content (the tapping story, testimonials), answers comments "
                        "and reads the reach statistics.",
                    ),
                    (
                        "Menjalankan iklan berbayar atau kerja sama promosi dengan hasil terukur dan "
                        "menilai penjualan yang dihasilkannya.",
                        "Runs paid advertising or promotion partnerships with measured results and "
                        "judges the sales they bring.",
                    ),
                ),
                {"sales": 4, "owner-manager": 3},
            ),
            ItemTemplate(
                "D2",
                "skill",
                ("Berjualan di marketplace", "Selling on online marketplaces"),
                (
                    (
                        "Tidak tahu cara berjualan di marketplace.",
                        "Does not know how to sell on an online marketplace.",
                    ),
                    (
                        "Pernah membuka toko daring, tetapi produk dan harganya tidak diperbarui.",
                        "Has opened an online shop, but its products and prices are not kept up to date.",
                    ),
                    (
                        "Mengelola toko di marketplace: deskripsi, harga, stok, menerima pesanan dan "
                        "mengirim tepat waktu.",
                        "Runs a marketplace shop: descriptions, prices, stock, takes orders and ships "
                        "on time.",
                    ),
                    (
                        "Menjaga penilaian toko tetap baik, mengemas aman untuk pengiriman jauh dan "
                        "memakai fitur promosi marketplace.",
                        "Keeps the shop's rating high, packs safely for long-distance shipping and uses "
                        "the marketplace's promotion features.",
                    ),
                    (
                        "Berjualan di beberapa kanal daring dengan stok dan harga yang konsisten dan "
                        "menghitung biaya serta margin tiap kanal.",
                        "Sells on several online channels with consistent stock and prices and works out "
                        "each channel's costs and margin.",
                    ),
                ),
                {"sales": 3, "owner-manager": 2, "administration": 2},
            ),
        ),
    ),
    AreaTemplate(
        "creativity",
        ("Kreativitas dan inovasi", "Creativity and innovation"),
        ("Produk baru dan cara kerja yang lebih baik.", "New products and better ways of working."),
        (
            ItemTemplate(
                "K1",
                "ability",
                ("Pengembangan produk", "Product development"),
                (
                    (
                        "Hanya membuat satu produk dengan cara yang sama sejak dulu.",
                        "Makes only one product, the same way it always has.",
                    ),
                    (
                        "Meniru produk atau kemasan usaha lain bila disarankan.",
                        "Copies another business's product or packaging when advised to.",
                    ),
                    (
                        "Mencoba varian atau kemasan baru (gula semut, ukuran kecil) dan menanyakan "
                        "pendapat pembeli.",
                        "Tries new variants or packaging (granulated palm sugar, small packs) and asks "
                        "buyers for their opinion.",
                    ),
                    (
                        "Mengembangkan produk baru sampai terjual rutin, lengkap dengan label, izin PIRT "
                        "dan harga yang dihitung.",
                        "Develops a new product until it sells regularly, with a label, a home-industry "
                        "food permit (PIRT) and a calculated price.",
                    ),
                    (
                        "Secara teratur menghasilkan inovasi yang menambah pasar atau nilai jual dan "
                        "mencatat hasilnya.",
                        "Regularly produces innovations that add markets or value and records their results.",
                    ),
                ),
                {"owner-manager": 3, "production": 2, "sales": 2},
            ),
            ItemTemplate(
                "K2",
                "ability",
                ("Perbaikan cara kerja", "Process improvement"),
                (
                    (
                        "Tidak melihat masalah dalam cara kerja sekarang.",
                        "Sees no problem in the current way of working.",
                    ),
                    (
                        "Menyadari pemborosan (kayu bakar, nira terbuang), tetapi menunggu orang lain "
                        "bertindak.",
                        "Notices waste (firewood, spilled sap) but waits for others to act.",
                    ),
                    (
                        "Mengusulkan perbaikan kecil dan mencobanya, misalnya menutup tungku atau "
                        "menata ulang tempat kerja.",
                        "Proposes small improvements and tries them, such as closing in the stove or "
                        "rearranging the workplace.",
                    ),
                    (
                        "Mengukur hasil perbaikan (kayu bakar per kilogram gula, lama memasak, masakan "
                        "gagal) dan mempertahankan yang berhasil.",
                        "Measures the effect of improvements (firewood per kilogram of sugar, cooking "
                        "time, failed batches) and keeps what works.",
                    ),
                    (
                        "Memimpin perbaikan berkelanjutan bersama pekerja dan membagikan cara yang "
                        "berhasil kepada usaha lain di klaster.",
                        "Leads continuous improvement with the workers and shares what works with other "
                        "businesses of the cluster.",
                    ),
                ),
                {"owner-manager": 3, "production": 3},
            ),
        ),
    ),
    AreaTemplate(
        "communication",
        ("Komunikasi", "Communication"),
        (
            "Berkomunikasi di tempat kerja dan bernegosiasi dengan pemasok dan pembeli.",
            "Communicating at work and negotiating with suppliers and buyers.",
        ),
        (
            ItemTemplate(
                "C1",
                "skill",
                ("Komunikasi kerja", "Communication at work"),
                (
                    (
                        "Jarang menyampaikan masalah atau informasi kepada rekan dan pemilik.",
                        "Seldom passes on problems or information to co-workers and the owner.",
                    ),
                    (
                        "Menyampaikan informasi bila ditanya, kadang tidak lengkap.",
                        "Passes on information when asked, sometimes incompletely.",
                    ),
                    (
                        "Menyampaikan instruksi, hasil kerja dan masalah dengan jelas dan tepat waktu.",
                        "Passes on instructions, work results and problems clearly and on time.",
                    ),
                    (
                        "Memimpin obrolan singkat tim, mendengarkan dan memastikan semua orang paham.",
                        "Leads short team talks, listens and makes sure everyone understands.",
                    ),
                    (
                        "Menjadi rujukan tim: menengahi perbedaan pendapat dan menjelaskan perubahan "
                        "sehingga diterima.",
                        "Is the team's point of reference: mediates disagreements and explains changes so "
                        "that they are accepted.",
                    ),
                ),
                {"owner-manager": 4, "production": 3, "sales": 3, "administration": 3},
            ),
            ItemTemplate(
                "C2",
                "skill",
                ("Negosiasi dengan pemasok dan pembeli", "Negotiating with suppliers and buyers"),
                (
                    (
                        "Menerima harga dari pengepul atau pemasok tanpa bertanya.",
                        "Accepts the collector's or supplier's price without question.",
                    ),
                    (
                        "Menawar harga, tetapi tanpa mengetahui biaya produksinya sendiri.",
                        "Haggles over the price, but without knowing their own production cost.",
                    ),
                    (
                        "Bernegosiasi harga dan syarat pembayaran berdasarkan biaya produksi dan harga "
                        "pasar.",
                        "Negotiates prices and payment terms from the production cost and market prices.",
                    ),
                    (
                        "Membuat kesepakatan tertulis (jumlah, mutu, harga, waktu kirim) dan menjaga "
                        "hubungan jangka panjang.",
                        "Makes written agreements (quantity, quality, price, delivery time) and keeps "
                        "long-term relationships.",
                    ),
                    (
                        "Membuka kerja sama baru (toko modern, eksportir, koperasi) dengan syarat yang "
                        "menguntungkan kedua pihak.",
                        "Opens new partnerships (modern retail, exporters, cooperatives) on terms good "
                        "for both sides.",
                    ),
                ),
                {"owner-manager": 4, "sales": 3},
            ),
        ),
    ),
    AreaTemplate(
        "service",
        ("Pelayanan pelanggan", "Customer service"),
        ("Melayani pesanan dan menangani keluhan.", "Serving orders and handling complaints."),
        (
            ItemTemplate(
                "S1",
                "skill",
                ("Melayani pesanan", "Serving customers and orders"),
                (
                    (
                        "Pesanan sering terlupa atau terlambat tanpa kabar.",
                        "Orders are often forgotten or late without notice.",
                    ),
                    (
                        "Melayani pembeli yang datang, tetapi pesanan jarak jauh tidak dicatat.",
                        "Serves buyers who come by, but remote orders are not recorded.",
                    ),
                    (
                        "Mencatat setiap pesanan, memastikan jumlah, harga dan waktu kirim, dan mengirim "
                        "tepat waktu.",
                        "Records every order, confirms the quantity, price and delivery time, and "
                        "delivers on time.",
                    ),
                    (
                        "Menanggapi dengan cepat dan ramah, memberi informasi produk yang benar dan "
                        "menawarkan pembelian ulang.",
                        "Responds quickly and kindly, gives correct product information and offers "
                        "repeat purchases.",
                    ),
                    (
                        "Merawat pelanggan tetap (daftar pelanggan, layanan khusus) sehingga sebagian "
                        "besar penjualan datang dari pembeli ulang.",
                        "Looks after regular customers (a customer list, special service) so that most "
                        "sales come from repeat buyers.",
                    ),
                ),
                {"sales": 4, "owner-manager": 3, "administration": 2},
            ),
            ItemTemplate(
                "S2",
                "ability",
                ("Menangani keluhan", "Handling complaints"),
                (
                    (
                        "Mengabaikan atau membantah keluhan pembeli.",
                        "Ignores or disputes buyers' complaints.",
                    ),
                    (
                        "Mendengarkan keluhan, tetapi tidak menindaklanjutinya.",
                        "Listens to complaints but does not follow them up.",
                    ),
                    (
                        "Menanggapi keluhan dengan sopan, memberi penyelesaian (tukar atau potongan "
                        "harga) dan mencatatnya.",
                        "Answers complaints politely, offers a remedy (an exchange or a discount) and "
                        "records it.",
                    ),
                    (
                        "Mencari penyebab keluhan (gula lembek, berat kurang) dan memastikan tidak terulang.",
                        "Finds the cause of a complaint (soft sugar, short weight) and makes sure it does "
                        "not happen again.",
                    ),
                    (
                        "Memakai keluhan dan saran pelanggan secara rutin untuk memperbaiki produk dan "
                        "layanan.",
                        "Uses customers' complaints and suggestions regularly to improve products and "
                        "service.",
                    ),
                ),
                {"sales": 3, "owner-manager": 3},
            ),
        ),
    ),
    AreaTemplate(
        "production",
        ("Keterampilan produksi gula kelapa", "Coconut sugar production skills"),
        (
            "Menyadap, memasak, mencetak dan menjaga kebersihan.",
            "Tapping, cooking, molding and hygiene.",
        ),
        (
            ItemTemplate(
                "P1",
                "skill",
                ("Penyadapan nira", "Tapping the sap"),
                (
                    (
                        "Belum bisa memanjat pohon atau menyadap manggar kelapa dengan aman.",
                        "Cannot yet climb the palm or tap its flower stalk safely.",
                    ),
                    (
                        "Menyadap dengan didampingi; irisan manggar belum rata dan nira yang didapat "
                        "sering sedikit.",
                        "Taps with someone alongside; the cut of the stalk is uneven and the sap yield "
                        "often small.",
                    ),
                    (
                        "Menyadap sendiri pagi dan sore dengan alat pengaman, mengiris dengan tepat dan "
                        "memakai bumbung bersih berisi laru (kapur atau kulit manggis).",
                        "Taps alone morning and afternoon with safety gear, cuts correctly and uses clean "
                        "containers with a preservative (lime or mangosteen bark).",
                    ),
                    (
                        "Selalu mendapat nira yang banyak dan tidak masam, dan merawat pohon agar tetap "
                        "produktif.",
                        "Consistently collects plenty of sap that has not turned sour, and tends the "
                        "palms so they stay productive.",
                    ),
                    (
                        "Melatih penyadap lain, mengatur giliran pohon dan mencatat hasil nira per pohon.",
                        "Trains other tappers, rotates the palms and records the sap yield per palm.",
                    ),
                ),
                {"production": 4, "owner-manager": 2},
            ),
            ItemTemplate(
                "P2",
                "skill",
                ("Pemasakan nira", "Cooking the sap"),
                (
                    ("Belum bisa memasak nira menjadi gula.", "Cannot yet cook sap into sugar."),
                    (
                        "Memasak dengan diawasi; gula kadang gosong atau tidak mengental.",
                        "Cooks under supervision; the sugar sometimes burns or does not set.",
                    ),
                    (
                        "Menyaring nira, memasak dengan api yang tepat, membuang buih dan mengenali saat "
                        "gula matang tanpa bantuan.",
                        "Strains the sap, cooks it on the right heat, skims the foam and recognises the "
                        "setting point without help.",
                    ),
                    (
                        "Menghasilkan gula dengan warna, kekerasan dan rasa yang seragam dari hari ke "
                        "hari dengan kayu bakar yang hemat.",
                        "Produces sugar of even colour, hardness and taste day after day, using little "
                        "firewood.",
                    ),
                    (
                        "Mengatasi nira bermasalah (masam, encer) tanpa gagal masak dan mengajarkan "
                        "tekniknya kepada pekerja lain.",
                        "Handles problem sap (sour, thin) without failed batches and teaches the "
                        "technique to other workers.",
                    ),
                ),
                {"production": 4, "owner-manager": 3},
            ),
            ItemTemplate(
                "P3",
                "skill",
                ("Pencetakan dan pengemasan", "Molding and packing"),
                (
                    ("Belum pernah mencetak gula.", "Has never moulded sugar."),
                    (
                        "Mencetak dengan bantuan; bentuk dan beratnya tidak seragam.",
                        "Moulds with help; the shape and weight are uneven.",
                    ),
                    (
                        "Mencetak pada suhu yang tepat dengan cetakan bersih sehingga bentuk dan berat "
                        "seragam.",
                        "Moulds at the right temperature in clean moulds, so shape and weight are even.",
                    ),
                    (
                        "Mengeringkan, menimbang dan mengemas dengan label sesuai berat yang tertera, "
                        "tanpa produk cacat.",
                        "Dries, weighs and packs with a label matching the stated weight, without "
                        "defective products.",
                    ),
                    (
                        "Mengatur alur cetak dan kemas untuk pesanan besar dan menjaga mutu setiap kemasan.",
                        "Organises moulding and packing for large orders and keeps every pack's quality.",
                    ),
                ),
                {"production": 3, "sales": 2},
            ),
            ItemTemplate(
                "P4",
                "knowledge",
                ("Higiene dan sanitasi", "Hygiene and sanitation"),
                (
                    (
                        "Tidak memperhatikan kebersihan alat, tempat dan diri saat produksi.",
                        "Pays no attention to the cleanliness of tools, workplace or self during production.",
                    ),
                    (
                        "Tahu bahwa kebersihan penting, tetapi hanya membersihkan bila terlihat kotor.",
                        "Knows cleanliness matters, but cleans only what looks dirty.",
                    ),
                    (
                        "Mencuci bumbung, wajan dan cetakan setiap hari, memakai penutup kepala dan "
                        "menjauhkan hewan dari tempat produksi.",
                        "Washes containers, pans and moulds every day, wears a head covering and keeps "
                        "animals away from the production area.",
                    ),
                    (
                        "Menerapkan cara produksi pangan yang baik untuk industri rumah tangga (CPPB-IRT) "
                        "sesuai syarat izin PIRT dan mencatat pembersihan.",
                        "Follows good manufacturing practice for home food industries (CPPB-IRT) as the "
                        "PIRT permit requires, and records the cleaning.",
                    ),
                    (
                        "Mengawasi higiene semua pekerja, sudah mengikuti penyuluhan keamanan pangan dan "
                        "menyiapkan usaha untuk sertifikasi (PIRT, halal).",
                        "Oversees every worker's hygiene, has attended food-safety training and prepares "
                        "the business for certification (PIRT, halal).",
                    ),
                ),
                {"production": 3, "owner-manager": 4, "sales": 2},
            ),
        ),
    ),
)

ALL_AREAS = tuple(area.key for area in AREAS)

LEVERS: tuple[LeverTemplate, ...] = (
    LeverTemplate(
        "training",
        ("Program pelatihan", "Training programs"),
        (
            "Pelatihan dan pendampingan keterampilan, di kelas atau di tempat kerja.",
            "Skills training and coaching, in class or on the job.",
        ),
        ALL_AREAS,
    ),
    LeverTemplate(
        "leadership",
        ("Pengembangan kepemimpinan", "Leadership development"),
        (
            "Membina pemilik dan calon pemimpin: mengelola, berkomunikasi, memulai perubahan.",
            "Growing owners and future leaders: managing, communicating, starting change.",
        ),
        ("management", "communication", "creativity"),
    ),
    LeverTemplate(
        "technology",
        ("Akses teknologi", "Access to technology"),
        (
            "Alat produksi yang lebih baik, aplikasi dan akses internet.",
            "Better production equipment, apps and internet access.",
        ),
        ("technology", "digital", "production"),
    ),
    LeverTemplate(
        "networking",
        ("Jejaring", "Networking"),
        (
            "Kerja sama dengan pembeli, pemasok, koperasi, kampus dan UMKM lain.",
            "Partnerships with buyers, suppliers, cooperatives, universities and other MSMEs.",
        ),
        ("digital", "creativity", "communication", "service"),
    ),
    LeverTemplate(
        "capital",
        ("Akses permodalan", "Access to capital"),
        (
            "Kredit usaha, hibah atau modal bergulir untuk alat dan bahan.",
            "Business credit, grants or revolving funds for equipment and materials.",
        ),
        ("technology", "production"),
    ),
    LeverTemplate(
        "monitoring",
        ("Monitoring dan evaluasi", "Monitoring and evaluation"),
        (
            "Memeriksa secara berkala apakah yang direncanakan dijalankan dan hasilnya.",
            "Checking regularly whether what was planned is done, and its results.",
        ),
        ("management", "production", "service"),
    ),
)


def item_count() -> int:
    """How many items the template has (the tests and the create page's help use it)."""
    return sum(len(area.items) for area in AREAS)


def required_count(role_codes: set[str] | None = None) -> int:
    """How many required levels the template sets for ``role_codes`` (all default roles if None)."""
    return sum(
        1
        for area in AREAS
        for item in area.items
        for role in item.required
        if role_codes is None or role in role_codes
    )
