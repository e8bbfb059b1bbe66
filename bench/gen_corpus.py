#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Generate a synthetic corpus of Vietnamese economic-diplomacy news for the
vnkg benchmark.

    gen_corpus.py --seed 1 --articles N --out DIR [--jsonl FILE] [--ontology DIR]

Writes DIR/000/000000.txt ... (at most 1000 files per subdirectory) and, with
--jsonl, the same articles as one JSON Lines file (id, url, date, title,
text). The output depends only on --seed, --articles and the lexicons: every
article draws from its own random.Random seeded by (seed, index), and every
official's name from a random.Random seeded by (seed, office, term), so the
first 1000 articles of a 10k corpus are the 1k corpus of the same seed.

Articles are built from templates and from the lexicons read at run time
(ontology/gazetteer/*.tsv, titles.tsv, issuers.tsv, surnames.txt): provinces
that existed on the article's date (the 63 before 2025-07-01, the 34 after),
ministries likewise (22 before 2025-03-01, 17 after), with abbreviations and
elliptical forms ("Bộ trưởng Ngoại giao"), partners, agreements, numbered
documents, officials with titles and generated Vietnamese (or foreign) names
that hold their office for a term, dates 2013-2026, and page furniture
(site header, menus, "Lượt xem: N", bylines, "Chia sẻ", related news). About
10% of the articles use the old tone placement (uỷ, hoá, hoà), 5% are in
NFD, 2% write U+00D0 for Đ. Articles average ~3.5 KB.

Standard library only; no dependence on hash order or on the clock.
"""
import argparse
import json
import os
import random
import sys
import unicodedata

# ---------------------------------------------------------------- lexicons


def read_rows(path):
    out = []
    header = True
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            out.append(line.split("\t"))
    return out


class Entity:
    __slots__ = ("id", "label", "plain", "cued", "ellip", "valid_from",
                 "valid_until", "successor", "related")

    def __init__(self, cols):
        self.id = cols[0]
        self.label = cols[2]
        self.plain = []  # aliases usable anywhere
        self.cued = []   # ~aliases: only after a partner cue
        self.ellip = []  # ^aliases: only after a ministry head word
        if cols[3] != "-":
            for a in cols[3].split("|"):
                if a.startswith("~"):
                    self.cued.append(a[1:])
                elif a.startswith("^"):
                    self.ellip.append(a[1:])
                elif a.startswith("="):
                    if a[1:] != self.label:
                        self.plain.append(a[1:])
                else:
                    self.plain.append(a)
        self.valid_from = cols[4] if cols[4] != "-" else "0000-00-00"
        self.valid_until = cols[5] if cols[5] != "-" else "9999-99-99"
        self.successor = cols[6] if len(cols) > 6 and cols[6] != "-" else None
        self.related = cols[7].split("|") if len(cols) > 7 and cols[7] != "-" else []

    def valid(self, date):
        return self.valid_from <= date <= self.valid_until


class Lexicon:
    def __init__(self, ontology):
        g = os.path.join(ontology, "gazetteer")
        self.provinces = [Entity(c) for c in read_rows(os.path.join(g, "provinces.tsv"))]
        self.ministries = [Entity(c) for c in read_rows(os.path.join(g, "ministries.tsv"))]
        self.partners = [Entity(c) for c in read_rows(os.path.join(g, "partners.tsv"))]
        self.agreements = [Entity(c) for c in read_rows(os.path.join(g, "agreements.tsv"))]
        self.orgs = [Entity(c) for c in read_rows(os.path.join(g, "organizations.tsv"))]
        self.by_id = {}
        for lst in (self.provinces, self.ministries, self.partners,
                    self.agreements, self.orgs):
            for e in lst:
                self.by_id[e.id] = e
        self.cities = set()
        for c in read_rows(os.path.join(ontology, "cues.tsv")):
            if c[0] == "city_province":
                self.cities.add(c[1])
        self.issuers = [c[0] for c in read_rows(os.path.join(ontology, "issuers.tsv"))]
        self.titles = [c[0] for c in read_rows(os.path.join(ontology, "titles.tsv"))]
        sn = []
        with open(os.path.join(ontology, "surnames.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and line not in ("Y", "H'"):
                    sn.append(line)
        self.surnames = sn
        # Zipf-like weights: Nguyễn, Trần, Lê... dominate as in real life
        self.surname_cum = cumulative([1.0 / (r + 1) ** 1.1 for r in range(len(sn))])

        # provinces: before 2025-07-01 all 63, after only the 34 that remain
        self.prov_old = [p for p in self.provinces if p.valid_from == "0000-00-00"]
        self.prov_new = [p for p in self.provinces if p.valid_until == "9999-99-99"]
        # ministries that have an elliptical form, before and after 2025-03-01
        self.min_old = [m for m in self.ministries if m.valid("2025-02-28")]
        self.min_new = [m for m in self.ministries if m.valid("2025-03-01")]

        # partners: a head of frequent partners, then the long tail
        countries = [p for p in self.partners if p.id in TOP_PARTNERS]
        countries.sort(key=lambda p: TOP_PARTNERS.index(p.id))
        self.top_partners = countries
        self.top_cum = cumulative([1.0 / (r + 2) ** 0.8 for r in range(len(countries))])
        self.tail_partners = [p for p in self.partners if p.id not in TOP_PARTNERS
                              and not p.id.startswith(COMPANY_PREFIXES)]
        self.companies = [p for p in self.partners if p.id in FOREIGN_COMPANIES]
        self.localities = [p for p in self.partners if p.id in FOREIGN_LOCALITIES]
        self.blocs = [p for p in self.partners if p.id in BLOCS]
        self.agreements_named = [a for a in self.agreements if a.related]
        self.vn_orgs = [o for o in self.orgs if o.id in VN_ORGS]
        self.vn_companies = [o for o in self.orgs if o.id in VN_COMPANIES]


def cumulative(weights):
    out, s = [], 0.0
    for w in weights:
        s += w
        out.append(s)
    return out


TOP_PARTNERS = [
    "partner/nhat-ban", "partner/han-quoc", "partner/hoa-ky", "partner/trung-quoc",
    "partner/eu", "partner/singapore", "partner/lao", "partner/campuchia",
    "partner/australia", "partner/an-do", "partner/phap", "partner/duc",
    "partner/vuong-quoc-anh", "partner/nga", "partner/thai-lan", "partner/asean",
    "partner/canada", "partner/ha-lan", "partner/israel", "partner/indonesia",
    "partner/malaysia", "partner/new-zealand", "partner/italy", "partner/cuba",
    "partner/uae", "partner/philippines", "partner/thuy-si", "partner/tho-nhi-ky",
    "partner/brazil", "partner/chile", "partner/mexico", "partner/wb",
    "partner/adb", "partner/jica", "partner/koica", "partner/efta",
]
FOREIGN_COMPANIES = [
    "partner/samsung", "partner/lg", "partner/sk", "partner/hyundai", "partner/lotte",
    "partner/hanwha", "partner/hyosung", "partner/posco", "partner/foxconn",
    "partner/luxshare", "partner/goertek", "partner/pegatron", "partner/siemens",
    "partner/bosch", "partner/boeing", "partner/qualcomm", "partner/amkor",
    "partner/lego", "partner/pandora", "partner/toyota", "partner/honda",
    "partner/mitsubishi", "partner/sumitomo", "partner/aeon", "partner/intel",
    "partner/nvidia", "partner/apple", "partner/heineken", "partner/unilever",
    "partner/hsbc", "partner/grab",
]
COMPANY_PREFIXES = tuple(FOREIGN_COMPANIES)
FOREIGN_LOCALITIES = [
    "partner/van-nam", "partner/quang-tay", "partner/quang-dong",
    "partner/luong-pha-bang", "partner/savannakhet", "partner/champasak",
    "partner/bolikhamxay", "partner/khammouane", "partner/houaphanh",
    "partner/siem-reap", "partner/gyeonggi", "partner/gyeongsangbuk",
    "partner/chiba", "partner/fukuoka", "partner/kanagawa", "partner/aichi",
    "partner/okinawa", "partner/gunma", "partner/california", "partner/queensland",
    "partner/bavaria",
]
BLOCS = ["partner/eu", "partner/asean", "partner/apec", "partner/efta",
         "partner/mercosur", "partner/eaeu", "partner/wto", "partner/wb",
         "partner/adb", "partner/imf", "partner/oecd", "partner/jica",
         "partner/koica", "partner/jetro", "partner/kotra", "partner/usaid"]
VN_ORGS = ["organization/vcci", "organization/cuc-xuc-tien-thuong-mai",
           "organization/cuc-dau-tu-nuoc-ngoai", "organization/hiep-hoi-det-may-viet-nam",
           "organization/hiep-hoi-che-bien-va-xuat-khau-thuy-san-viet-nam",
           "organization/hiep-hoi-luong-thuc-viet-nam",
           "organization/hiep-hoi-doanh-nghiep-dau-tu-nuoc-ngoai",
           "organization/hoc-vien-ngoai-giao", "organization/cuc-hai-quan"]
VN_COMPANIES = ["organization/viettel", "organization/vnpt", "organization/evn",
                "organization/petrovietnam", "organization/vietnam-airlines",
                "organization/vietjet", "organization/vingroup", "organization/vinfast",
                "organization/fpt", "organization/vinamilk", "organization/masan",
                "organization/hoa-phat", "organization/thaco", "organization/sun-group",
                "organization/vietcombank", "organization/bidv", "organization/agribank",
                "organization/trung-nguyen-legend"]

MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Xuân", "Thế", "Công",
            "Đình", "Trọng", "Anh", "Hồng", "Quang", "Ngọc", "Tiến", "Mạnh", "Chí",
            "Việt", "Hoài", "Bá", "Duy", "Khắc", "Tuấn", "Kim", "Sỹ", "Phú", "Trung"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Kim",
            "Thúy", "Lan", "Mai", "Phương", "Bích", "Diệu", "Hải"]
GIVEN_M = ["Sơn", "Dũng", "Hùng", "Tuấn", "Nam", "Hải", "Thắng", "Long", "Cường",
           "Quân", "Trung", "Phong", "Bình", "Hòa", "Khánh", "Minh", "Hiếu", "Đạt",
           "Vinh", "Tâm", "Toàn", "Thành", "Quang", "Hưng", "Lâm", "Nghĩa", "Phúc",
           "Thịnh", "Tú", "Việt", "Diên", "Chính", "Huệ", "Mẫn", "Phớc", "Khải",
           "Lợi", "Duy", "Hoàng", "Kiên", "Luận", "Tường", "Thưởng", "Doãn", "Trí",
           "Sinh", "Tín", "Điệp", "Thuận", "Hà", "Chiến", "Quyết", "Bảo", "An"]
GIVEN_F = ["Lan", "Hương", "Hà", "Mai", "Thủy", "Ngân", "Hằng", "Nga", "Linh",
           "Trang", "Hoa", "Thảo", "Yến", "Vân", "Phượng", "Hạnh", "Hiền", "Dung",
           "Loan", "Xuân", "Chi", "Quyên", "Thư", "Ly"]

FOREIGN_NAMES = {
    "jp": (["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto",
            "Nakamura", "Kobayashi", "Yamada", "Sasaki", "Matsumoto", "Inoue"],
           ["Hiroshi", "Takeshi", "Kenji", "Naoki", "Yasuhiro", "Shigeru",
            "Makoto", "Ito", "Koji", "Ryota", "Hideo", "Satoshi"]),
    "kr": (["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"],
           ["Min-ho", "Jae-hyun", "Sung-min", "Young-soo", "Dong-hyun", "Ji-hoon",
            "Hyun-woo", "Sang-chul", "Kyung-ho", "Seung-woo"]),
    "cn": (["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu"],
           ["Wei", "Jun", "Ming", "Hong", "Qiang", "Lei", "Ping", "Jian", "Hua", "Bo"]),
    "la": (["Phommavihane", "Sisoulith", "Khamphan", "Vongsa", "Siphandone",
            "Kommasith", "Phomvihane", "Keomany"],
           ["Saleumxay", "Thongloun", "Sonexay", "Khamphan", "Bounthong",
            "Phankham", "Viengthong", "Souksavanh"]),
    "west": (["Smith", "Müller", "Martin", "Brown", "Rossi", "Dubois", "Schmidt",
              "Johnson", "Wilson", "Taylor", "Bernard", "Weber", "Fischer", "Moore",
              "Anderson", "Knapper", "Hansen", "Jensen", "Garcia", "Silva"],
             ["John", "Marc", "Thomas", "David", "Peter", "Laura", "Anna", "Michael",
              "Julien", "Stefan", "Maria", "Robert", "James", "Claire", "Giorgio",
              "Henrik", "Carlos", "Emma", "Olivier", "Sarah"]),
}
NAME_STYLE = {"partner/nhat-ban": "jp", "partner/han-quoc": "kr",
              "partner/trung-quoc": "cn", "partner/lao": "la",
              "partner/campuchia": "la", "partner/thai-lan": "la"}


def foreign_name(rng, style):
    fam, giv = FOREIGN_NAMES[style]
    if style in ("jp", "kr", "cn"):
        return rng.choice(fam) + " " + rng.choice(giv)
    return rng.choice(giv) + " " + rng.choice(fam)


def pick_cum(rng, items, cum):
    x = rng.random() * cum[-1]
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return items[lo]


# ---------------------------------------------------------------- world

# Terms of office: names change from one term to the next.
PROV_TERMS = ["2013-01-01", "2015-10-01", "2020-10-01", "2025-07-01"]
GOV_TERMS = ["2013-01-01", "2016-04-08", "2021-04-05", "2025-03-01"]
AMB_TERMS = ["2013-01-01", "2016-01-01", "2019-01-01", "2022-01-01", "2025-01-01"]


def term_of(date, terms):
    t = 0
    for i, s in enumerate(terms):
        if date >= s:
            t = i
    return t


class World:
    """Officials, named on demand from (seed, office, term): the same office
    in the same term has the same holder in every article."""

    def __init__(self, seed, lex):
        self.seed = seed
        self.lex = lex
        self.cache = {}

    def vn(self, key):
        """(full name, given name, 'ông'/'bà') of a Vietnamese official."""
        r = self.cache.get(key)
        if r is None:
            rng = random.Random("%d|%s" % (self.seed, key))
            lex = self.lex
            sur = pick_cum(rng, lex.surnames, lex.surname_cum)
            if rng.random() < 0.22:
                mid, giv, pron = rng.choice(MIDDLE_F), rng.choice(GIVEN_F), "bà"
            else:
                mid, giv, pron = rng.choice(MIDDLE_M), rng.choice(GIVEN_M), "ông"
            if rng.random() < 0.25:  # four-syllable names
                mid = mid + " " + rng.choice(MIDDLE_M[3:] if pron == "ông" else MIDDLE_F[3:])
            r = (sur + " " + mid + " " + giv, giv, pron)
            self.cache[key] = r
        return r

    def foreign(self, key, style):
        r = self.cache.get(key)
        if r is None:
            rng = random.Random("%d|%s" % (self.seed, key))
            n = foreign_name(rng, style)
            r = (n, n.split()[-1] if style == "west" else n.split()[0], "ông")
            self.cache[key] = r
        return r


# ---------------------------------------------------------------- text bits

FILLER = [
    "Kim ngạch xuất nhập khẩu {n1} tháng đầu năm đạt {n2},{n3} tỷ USD, tăng {n4},{n5}% so với cùng kỳ năm trước.",
    "Tổng vốn đầu tư trực tiếp nước ngoài đăng ký mới đạt hơn {n2}{n3} triệu USD với {n6} dự án.",
    "Công tác ngoại giao kinh tế tiếp tục được triển khai toàn diện, lấy người dân, doanh nghiệp làm trung tâm.",
    "Các bộ, ngành, địa phương cần chủ động nắm bắt xu hướng dịch chuyển chuỗi cung ứng, đón đầu làn sóng đầu tư mới.",
    "Việc khai thác hiệu quả các hiệp định thương mại tự do đã mở ra dư địa lớn cho hàng hóa xuất khẩu.",
    "Nhiều doanh nghiệp vẫn gặp khó khăn về quy tắc xuất xứ, tiêu chuẩn kỹ thuật và các biện pháp phòng vệ thương mại.",
    "Chỉ số năng lực cạnh tranh cấp tỉnh năm {y} xếp thứ {n6} cả nước, tăng {n1} bậc so với năm trước.",
    "Các cơ quan đại diện Việt Nam ở nước ngoài đã hỗ trợ hơn {n6}0 đoàn doanh nghiệp tìm hiểu thị trường.",
    "Hạ tầng giao thông, logistics và nguồn nhân lực chất lượng cao là những điểm nghẽn cần sớm được tháo gỡ.",
    "Chuyển đổi số, chuyển đổi xanh và kinh tế tuần hoàn là những lĩnh vực hợp tác được hai bên đặc biệt quan tâm.",
    "Thu hút đầu tư cần có chọn lọc, ưu tiên các dự án công nghệ cao, thân thiện với môi trường và có giá trị gia tăng lớn.",
    "Hai bên nhất trí tăng cường trao đổi đoàn các cấp, nhất là đoàn doanh nghiệp, thúc đẩy kết nối giao thương.",
    "Sản lượng cà phê, hạt điều, hồ tiêu và thủy sản xuất khẩu tăng mạnh, trong đó thủy sản đạt {n2}{n3}0 triệu USD.",
    "Các khu công nghiệp trên địa bàn có tỷ lệ lấp đầy bình quân đạt {n4},{n5}%, thu hút {n6}{n1} dự án FDI còn hiệu lực.",
    "Nhiều chương trình xúc tiến thương mại, đầu tư, du lịch đã được tổ chức theo hướng thiết thực, hiệu quả.",
    "Tình hình thế giới tiếp tục diễn biến phức tạp, khó lường; cạnh tranh chiến lược giữa các nước lớn gay gắt.",
    "Thương mại song phương năm {y} đạt gần {n2}{n3} tỷ USD, mục tiêu sớm đạt {n6}0 tỷ USD trong thời gian tới.",
    "Cần tiếp tục cải thiện môi trường đầu tư kinh doanh, đẩy mạnh cải cách thủ tục hành chính, giảm chi phí tuân thủ.",
    "Lượng khách quốc tế đến địa phương đạt hơn {n6}{n3}0 nghìn lượt, doanh thu du lịch tăng {n4},{n5}%.",
    "Nguồn vốn ODA và vốn vay ưu đãi tiếp tục được sử dụng cho các công trình hạ tầng trọng điểm, ứng phó biến đổi khí hậu.",
    "Quan hệ hữu nghị truyền thống giữa hai nước ngày càng phát triển tốt đẹp, tin cậy chính trị được củng cố.",
    "Doanh nghiệp cần chủ động nâng cao năng lực cạnh tranh, xây dựng thương hiệu và đáp ứng các tiêu chuẩn của thị trường nhập khẩu.",
    "Tỉnh đã ban hành Kế hoạch hành động về ngoại giao kinh tế giai đoạn {y}–{y2}, xác định rõ nhiệm vụ của từng sở, ngành.",
    "Việc kết nối doanh nghiệp trong nước với các tập đoàn đa quốc gia giúp nâng cao tỷ lệ nội địa hóa và tham gia chuỗi giá trị toàn cầu.",
    "Giải ngân vốn đầu tư công đạt {n4},{n5}% kế hoạch, cao hơn mức bình quân chung của cả nước.",
    "Thời gian tới, các bên sẽ tập trung tháo gỡ vướng mắc về thủ tục, đất đai và hạ tầng để dự án sớm đi vào hoạt động.",
    "Cộng đồng người Việt Nam ở nước ngoài là cầu nối quan trọng trong quảng bá hình ảnh, sản phẩm của địa phương.",
    "Hoạt động hợp tác giáo dục, đào tạo, văn hóa và giao lưu nhân dân tiếp tục được mở rộng, tạo nền tảng cho hợp tác kinh tế.",
]

CONF_ROLES_PROV = ["Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch Thường trực UBND tỉnh",
                   "Giám đốc Sở Ngoại vụ", "Giám đốc Sở Công Thương",
                   "Trưởng Ban Quản lý Khu kinh tế"]
SITE_MENUS = [
    "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Chỉ đạo điều hành | Văn bản | Liên hệ",
    "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội | Quốc tế | Văn hóa | Thể thao",
    "Trang chủ | Ngoại giao kinh tế | Hội nhập | Đầu tư | Doanh nghiệp | Thị trường | Video",
    "Trang chủ | Tin tức | Đối ngoại | Kinh tế | Chính sách | Multimedia | English",
]
BREADCRUMBS = ["Tin tức - Sự kiện > Hoạt động của lãnh đạo tỉnh", "Kinh tế > Đầu tư",
               "Đối ngoại > Ngoại giao kinh tế", "Thời sự > Chính trị",
               "Kinh tế > Hội nhập quốc tế", "Tin tức > Tin trong tỉnh"]
NEWS_SITES = ["Báo Thế giới và Việt Nam", "Báo điện tử Chính phủ", "Báo Nhân Dân",
              "Báo Quân đội nhân dân", "Đài Tiếng nói Việt Nam", "Báo Đầu tư",
              "Thông tấn xã Việt Nam", "Báo Công Thương"]
BYLINE_NAMES = ["Thu Hà", "Minh Anh", "Hoàng Long", "Ngọc Mai", "Quang Huy", "Phương Thảo",
                "Đức Tuấn", "Lan Hương", "Việt Hà", "Thanh Bình", "Bảo Ngọc", "Hải Đăng"]


def lc_first(s):
    return s[:1].lower() + s[1:]


def d_m(date):
    y, m, d = date.split("-")
    return "%d/%d" % (int(d), int(m))


def d_m_y(date):
    y, m, d = date.split("-")
    return "%d/%d/%s" % (int(d), int(m), y)


def dd_mm_yyyy(date):
    y, m, d = date.split("-")
    return "%s/%s/%s" % (d, m, y)


class Article:
    """Builds one article; every choice comes from self.r."""

    def __init__(self, idx, seed, lex, world):
        self.i = idx
        self.r = random.Random(seed * 1000003 + idx)
        self.lex = lex
        self.w = world
        r = self.r
        day = r.randrange(0, 5113)  # 2013-01-01 .. 2026-12-31
        self.date = date_from_day(day)
        self.year = int(self.date[:4])
        self.after_merge = self.date >= "2025-07-01"
        self.after_min = self.date >= "2025-03-01"
        self.provs = lex.prov_new if self.after_merge else lex.prov_old
        self.mins = lex.min_new if self.after_min else lex.min_old

    # -- entities and their surface forms

    def province(self):
        return self.r.choice(self.provs)

    def is_city(self, p):
        return p.label in self.lex.cities or (p.label == "Huế" and self.date >= "2025-01-01")

    def pname(self, p):
        r = self.r
        if p.plain and r.random() < 0.12:
            return r.choice(p.plain)
        return p.label

    def unit(self, p):
        """'tỉnh X' / 'thành phố X' / 'TP X'."""
        if self.is_city(p):
            return self.r.choice(("thành phố ", "TP ", "TP. ", "thành phố ")) + self.pname(p)
        return "tỉnh " + self.pname(p)

    def ubnd(self, p):
        return ("UBND thành phố" if self.is_city(p) else "UBND tỉnh")

    def uy(self, p):
        return ("Thành ủy" if self.is_city(p) else "Tỉnh ủy")

    def partner(self):
        r = self.r
        if r.random() < 0.8:
            return pick_cum(r, self.lex.top_partners, self.lex.top_cum)
        return r.choice(self.lex.tail_partners)

    def paname(self, p, cue=False):
        r = self.r
        x = r.random()
        if cue and p.cued and x < 0.35:
            return r.choice(p.cued)
        if p.plain and x > 0.85:
            return r.choice(p.plain)
        return p.label

    def ministry(self):
        return self.r.choice(self.mins)

    def mname(self, m):
        r = self.r
        if m.plain and r.random() < 0.25:
            return r.choice(m.plain)
        return m.label

    def minister(self, m, role="Bộ trưởng"):
        """'Bộ trưởng Bộ X Name' or elliptical 'Bộ trưởng X Name'."""
        r = self.r
        if role == "Bộ trưởng":
            key = "%s|bt|%d" % (m.id, term_of(self.date, GOV_TERMS))
        else:
            key = "%s|tt%d|%d" % (m.id, r.randrange(3), term_of(self.date, GOV_TERMS))
        name = self.w.vn(key)
        if not m.label.startswith("Bộ"):
            head = {"ministry/ngan-hang-nha-nuoc-viet-nam": "Thống đốc Ngân hàng Nhà nước",
                    "ministry/van-phong-chinh-phu": "Chủ nhiệm Văn phòng Chính phủ",
                    "ministry/thanh-tra-chinh-phu": "Tổng Thanh tra Chính phủ",
                    "ministry/uy-ban-dan-toc": "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc"}[m.id]
            if role != "Bộ trưởng":
                head = "Phó " + head[0].lower() + head[1:] if not head.startswith("Bộ") else "Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc"
                head = head.replace("Phó thống", "Phó Thống").replace("Phó chủ", "Phó Chủ").replace("Phó tổng", "Phó Tổng")
            return head + " " + name[0], name
        if m.ellip and r.random() < 0.3:
            return role + " " + r.choice(m.ellip) + " " + name[0], name
        return role + " " + self.mname(m) + " " + name[0], name

    def prov_official(self, p, slot):
        t = term_of(self.date, PROV_TERMS)
        return self.w.vn("%s|%s|%d" % (p.id, slot, t))

    def chair(self, p):
        n = self.prov_official(p, "ct")
        title = "Chủ tịch " + self.ubnd(p)
        if self.r.random() < 0.4:
            title = "Phó Bí thư " + self.uy(p) + ", " + title
        return title, n

    def secretary(self, p):
        return "Bí thư " + self.uy(p), self.prov_official(p, "bt")

    def vice(self, p):
        k = self.r.randrange(3)
        ubnd = self.ubnd(p)
        title = ("Phó Chủ tịch Thường trực " + ubnd) if k == 0 else ("Phó Chủ tịch " + ubnd)
        return title, self.prov_official(p, "pct%d" % k)

    def dept(self, p):
        k = self.r.randrange(3)
        sname = ["Ngoại vụ", "Công Thương", "Kế hoạch và Đầu tư" if not self.after_min else "Tài chính"][k]
        return "Giám đốc Sở " + sname, self.prov_official(p, "gd%d" % k)

    def pm(self):
        t = term_of(self.date, GOV_TERMS)
        return self.r.choice(("Thủ tướng Chính phủ", "Thủ tướng")), self.w.vn("tt|%d" % t)

    def deputy_pm(self):
        t = term_of(self.date, GOV_TERMS)
        return "Phó Thủ tướng", self.w.vn("ptt%d|%d" % (self.r.randrange(4), t))

    def ambassador_to_vn(self, p):
        t = term_of(self.date, AMB_TERMS)
        style = NAME_STYLE.get(p.id, "west")
        return self.w.foreign("%s|amb|%d" % (p.id, t), style)

    def ambassador_of_vn(self, p):
        t = term_of(self.date, AMB_TERMS)
        return self.w.vn("%s|vnamb|%d" % (p.id, t))

    def company_head(self, c):
        t = term_of(self.date, AMB_TERMS)
        style = {"partner/samsung": "kr", "partner/lg": "kr", "partner/sk": "kr",
                 "partner/hyundai": "kr", "partner/lotte": "kr", "partner/hanwha": "kr",
                 "partner/hyosung": "kr", "partner/posco": "kr", "partner/toyota": "jp",
                 "partner/honda": "jp", "partner/mitsubishi": "jp", "partner/sumitomo": "jp",
                 "partner/aeon": "jp", "partner/foxconn": "cn", "partner/luxshare": "cn",
                 "partner/goertek": "cn", "partner/pegatron": "cn"}.get(c.id, "west")
        return self.w.foreign("%s|ceo|%d" % (c.id, t), style)

    def agreement(self):
        return self.r.choice(self.lex.agreements_named)

    def agname(self, a):
        r = self.r
        long_forms = [x for x in a.plain if " " in x and len(x) > 12]
        x = r.random()
        if long_forms and x < 0.4:
            return r.choice(long_forms)
        if a.label.isupper() or "-" in a.label:
            return "Hiệp định " + a.label if x < 0.8 else a.label
        return a.label

    def document(self):
        r = self.r
        y = r.randrange(max(2010, self.year - 6), self.year + 1)
        k = r.random()
        if k < 0.25:
            n = r.choice((59, 21, 15, 22, 57, 68, 12, 41))
            head = r.choice(("Nghị quyết", "Chỉ thị", "Kết luận"))
            code = {"Nghị quyết": "NQ", "Chỉ thị": "CT", "Kết luận": "KL"}[head]
            return "%s số %d-%s/TW" % (head, n, code)
        suf = r.choice(self.lex.issuers)
        if suf in ("TTg",):
            return "Quyết định số %d/QĐ-TTg" % r.randrange(100, 2500)
        if suf == "CP":
            if r.random() < 0.5:
                return "Nghị quyết số %d/NQ-CP" % r.randrange(1, 200)
            return "Nghị định số %d/%d/NĐ-CP" % (r.randrange(1, 200), y)
        if suf in ("QH", "UBTVQH", "CTN"):
            return "Nghị quyết số %d/%d/QH%d" % (r.randrange(1, 200), y, 13 + (y - 2011) // 5)
        head = r.choice(("Thông tư", "Quyết định", "Công văn", "Kế hoạch"))
        code = {"Thông tư": "TT", "Quyết định": "QĐ", "Công văn": "CV", "Kế hoạch": "KH"}[head]
        if head == "Công văn":
            return "Công văn số %d/%s-HTQT" % (r.randrange(100, 9000), suf)
        return "%s số %d/%d/%s-%s" % (head, r.randrange(1, 3000), y, code, suf)

    def fill(self, k=None):
        r = self.r
        s = r.choice(FILLER) if k is None else FILLER[k]
        if "{" in s:
            s = s.format(n1=r.randrange(2, 10), n2=r.randrange(1, 10), n3=r.randrange(0, 10),
                         n4=r.randrange(1, 60), n5=r.randrange(0, 10), n6=r.randrange(2, 40),
                         y=self.year - 1, y2=self.year + 4)
        return s

    def fillers(self, lo, hi):
        return " ".join(self.fill() for _ in range(self.r.randrange(lo, hi + 1)))

    def time_word(self):
        return self.r.choice(("Ngày", "Sáng", "Chiều", "Sáng", "Chiều", "Tối"))

    # -- article kinds

    def k_conference(self):
        r = self.r
        p = self.province()
        pmt, pm = self.pm()
        ms = r.sample(self.mins, 3)
        ct, chair = self.chair(p)
        vt, vice = self.vice(p)
        dt, dept = self.dept(p)
        unit = self.unit(p)
        title = "%s dự Hội nghị trực tuyến toàn quốc về đẩy mạnh ngoại giao kinh tế năm %d" % (
            self.pname(p), self.year)
        mins_txt = "; ".join(self.minister(m)[0] for m in ms)
        paras = [
            "%s %s, %s %s chủ trì Hội nghị trực tuyến về đẩy mạnh công tác ngoại giao kinh tế, "
            "thúc đẩy tăng trưởng năm %d. Dự hội nghị tại điểm cầu Trụ sở Chính phủ có %s cùng lãnh "
            "đạo các bộ, ngành Trung ương." % (self.time_word(), d_m(self.date), pmt, pm[0], self.year,
                                               mins_txt),
            "Tại điểm cầu %s, đồng chí %s, %s chủ trì; cùng dự có đồng chí %s, %s và lãnh đạo các "
            "sở: Ngoại vụ, Công Thương, Tài chính. %s" % (unit, chair[0], ct, vice[0], vt,
                                                          self.fillers(1, 2)),
            "Theo báo cáo của %s, các hoạt động đối ngoại cấp cao đã mang lại hơn %d thỏa thuận hợp "
            "tác kinh tế. Các bộ, ngành, địa phương tiếp tục triển khai %s về công tác ngoại giao kinh "
            "tế và %s. %s" % (self.mname(self.lex.by_id["ministry/bo-ngoai-giao"]), r.randrange(30, 200),
                             self.document(), self.document(), self.fillers(1, 3)),
            "Phát biểu tại hội nghị, %s đề nghị các cơ quan đại diện hỗ trợ doanh nghiệp mở rộng thị "
            "trường %s, %s và %s. %s" % (self.minister(ms[0])[0], self.paname(self.partner()),
                                         self.paname(self.partner()), self.paname(self.partner()),
                                         self.fillers(1, 2)),
            "Ngay sau hội nghị, Chủ tịch %s %s %s yêu cầu các sở, ngành phối hợp chặt chẽ với các cơ "
            "quan đại diện Việt Nam ở nước ngoài. %s %s cho biết, %s. %s" % (
                self.ubnd(p), self.pname(p), chair[0], chair[2].capitalize(), chair[1],
                lc_first(self.fill(13))[:-1], self.fillers(1, 2)),
            "%s, %s đề nghị %s tiếp tục thực hiện hiệu quả %s, thu hút các nhà đầu tư từ %s. %s" % (
                "Kết luận hội nghị", pmt, "các địa phương", self.agname(self.agreement()),
                self.paname(self.partner(), cue=False), self.fillers(1, 2)),
        ]
        caption = "Ảnh: Đồng chí %s chủ trì hội nghị tại điểm cầu %s." % (chair[0], unit)
        return title, paras, caption, p

    def k_reception(self):
        r = self.r
        p = self.province()
        pa = self.partner()
        amb = self.ambassador_to_vn(pa)
        ct, chair = self.chair(p) if r.random() < 0.6 else self.vice(p)
        dt, dept = self.dept(p)
        pn = self.paname(pa)
        title = "Lãnh đạo %s tiếp Đại sứ %s tại Việt Nam" % (self.unit(p), pn)
        ag = self.agreement()
        co = r.choice(self.lex.companies)
        paras = [
            "%s %s, tại trụ sở %s %s, đồng chí %s, %s đã tiếp xã giao ngài %s, Đại sứ đặc mệnh toàn "
            "quyền %s tại Việt Nam, nhân dịp Đại sứ đến thăm và làm việc tại địa phương. Cùng dự có "
            "đồng chí %s, %s." % (self.time_word(), d_m(self.date), self.ubnd(p), self.pname(p),
                                  chair[0], ct, amb[0], pn, dept[0], dt),
            "Thông tin tới Đại sứ về tình hình kinh tế - xã hội, %s %s cho biết, %s %s Hiện nay, %s có "
            "%d dự án của các nhà đầu tư %s với tổng vốn đăng ký hơn %d triệu USD, tiêu biểu là dự án "
            "của tập đoàn %s." % (chair[2].capitalize(), chair[1], self.fill(0), self.fill(6),
                                  self.unit(p), r.randrange(3, 120), self.paname(pa, cue=True),
                                  r.randrange(20, 3000), co.label),
            "%s %s đề nghị Đại sứ tiếp tục là cầu nối, giới thiệu các doanh nghiệp %s tìm hiểu cơ hội "
            "đầu tư vào các lĩnh vực công nghiệp chế biến, năng lượng tái tạo, nông nghiệp công nghệ "
            "cao và du lịch; đồng thời hỗ trợ quảng bá nông sản của tỉnh sang thị trường %s. %s" % (
                chair[2].capitalize(), chair[1], self.paname(pa), self.paname(pa, cue=True),
                self.fillers(1, 2)),
            "Đại sứ %s đánh giá cao tiềm năng, lợi thế của %s và cho biết, %s. Đại sứ khẳng định sẽ "
            "thúc đẩy việc thực hiện %s, hỗ trợ tổ chức đoàn doanh nghiệp đến khảo sát đầu tư. %s" % (
                amb[1], self.pname(p), lc_first(self.fill(20))[:-1], self.agname(ag),
                self.fillers(1, 3)),
            "Dịp này, hai bên đã trao đổi về khả năng ký kết %s giữa %s và %s. %s" % (
                r.choice(("Bản ghi nhớ hợp tác", "Thỏa thuận hợp tác", "Biên bản ghi nhớ")),
                self.unit(p), self.paname(r.choice(self.lex.localities)), self.fillers(2, 3)),
        ]
        caption = "Ảnh: %s %s tặng quà lưu niệm Đại sứ %s." % (ct.split(",")[-1].strip(), chair[1], amb[1])
        return title, paras, caption, p

    def k_agreement(self):
        r = self.r
        ag = self.agreement()
        m = self.lex.by_id["ministry/bo-cong-thuong"]
        mt, mn = self.minister(m, "Thứ trưởng")
        bt, bn = self.minister(m)
        rel = [self.lex.by_id[x] for x in ag.related if x in self.lex.by_id][:4]
        pnames = ", ".join(self.paname(x) for x in rel) or "các đối tác"
        agn = self.agname(ag)
        title = "Tận dụng hiệu quả %s: cơ hội và thách thức cho doanh nghiệp" % ag.label
        org = r.choice(self.lex.vn_orgs)
        p = self.province()
        paras = [
            "%s %s, tại Hà Nội, %s phối hợp với %s tổ chức Hội thảo \"Thực thi %s – %d năm nhìn lại\". "
            "%s dự và phát biểu khai mạc." % (self.time_word(), d_m(self.date), self.mname(m), org.label,
                                             agn, max(1, self.year - 2019), mt),
            "Theo %s %s, sau khi %s có hiệu lực, thương mại giữa Việt Nam với %s tăng trưởng ấn tượng. "
            "%s %s" % (mt.split(" Bộ")[0].split(" Công")[0], mn[0], agn, pnames, self.fill(0),
                       self.fillers(1, 2)),
            "Tuy nhiên, tỷ lệ tận dụng ưu đãi thuế quan theo %s mới đạt khoảng %d%%. %s Bên cạnh đó, "
            "các quy định mới về phát triển bền vững, truy xuất nguồn gốc và cơ chế điều chỉnh biên "
            "giới carbon đòi hỏi doanh nghiệp phải thay đổi cách làm." % (
                ag.label, r.randrange(25, 45), self.fill(5)),
            "Chia sẻ tại hội thảo, đại diện %s cho biết, doanh nghiệp của %s đã xuất khẩu lô hàng đầu "
            "tiên sang thị trường %s theo %s. %s" % (
                r.choice(self.lex.vn_companies).label, self.unit(p),
                self.paname(rel[0] if rel else self.partner(), cue=True), self.document(),
                self.fillers(1, 3)),
            "Kết luận hội thảo, %s nhấn mạnh %s sẽ tiếp tục hoàn thiện thể chế, triển khai %s và "
            "phối hợp với %s hỗ trợ doanh nghiệp. %s" % (
                bt, self.mname(m), self.document(), self.mname(self.ministry()), self.fillers(1, 2)),
        ]
        caption = "Toàn cảnh hội thảo. Ảnh: %s" % r.choice(BYLINE_NAMES)
        return title, paras, caption, p

    def k_promotion(self):
        r = self.r
        p = self.province()
        pa = self.partner()
        ct, chair = self.chair(p)
        vamb = self.ambassador_of_vn(pa)
        cos = r.sample(self.lex.companies, 3)
        loc = r.choice(self.lex.localities)
        pn = self.paname(pa)
        title = "%s tổ chức Hội nghị xúc tiến đầu tư tại %s" % (self.pname(p), pn)
        paras = [
            "Trong khuôn khổ chuyến công tác tại %s, %s %s, đoàn công tác của %s do đồng chí %s, %s "
            "làm trưởng đoàn đã tổ chức Hội nghị xúc tiến đầu tư với sự tham dự của hơn %d doanh nghiệp."
            % (pn, self.time_word().lower(), d_m_y(self.date), self.unit(p), chair[0], ct,
               r.randrange(50, 400)),
            "Phát biểu tại hội nghị, Đại sứ Việt Nam tại %s %s cho biết, %s. %s" % (
                pn, vamb[0], lc_first(self.fill(16))[:-1], self.fillers(1, 2)),
            "Giới thiệu tiềm năng của địa phương, %s %s nhấn mạnh %s cam kết luôn đồng hành, tạo điều "
            "kiện thuận lợi nhất cho nhà đầu tư. %s %s" % (
                ct.split(", ")[-1], chair[0], self.unit(p), self.fill(13), self.fill(10)),
            "Tại hội nghị, %s đã trao Giấy chứng nhận đăng ký đầu tư cho dự án của %s và ký %s với "
            "%s và %s. Ông %s, %s %s, cho biết tập đoàn đang nghiên cứu mở rộng sản xuất tại Việt Nam."
            % (self.ubnd(p), cos[0].label, r.choice(("Bản ghi nhớ", "Biên bản ghi nhớ", "Thỏa thuận hợp tác")),
               cos[1].label, self.paname(loc), self.company_head(cos[2])[0],
               r.choice(("Tổng Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Giám đốc điều hành")),
               cos[2].label),
            "Cùng ngày, đoàn đã làm việc với %s, %s và thăm %s. %s" % (
                self.paname(r.choice(self.lex.blocs)), self.paname(loc), cos[2].label,
                self.fillers(2, 4)),
        ]
        caption = "Ảnh: Lễ trao Giấy chứng nhận đầu tư tại hội nghị."
        return title, paras, caption, p

    def k_talks(self):
        r = self.r
        pa = self.partner()
        pn = self.paname(pa)
        if r.random() < 0.5:
            lt, leader = self.pm()
        else:
            lt, leader = self.deputy_pm()
        m1 = self.lex.by_id["ministry/bo-ngoai-giao"]
        m2 = self.ministry()
        style = NAME_STYLE.get(pa.id, "west")
        fl = self.w.foreign("%s|leader|%d" % (pa.id, term_of(self.date, AMB_TERMS)), style)
        flt = r.choice(("Thủ tướng", "Tổng thống", "Bộ trưởng Thương mại", "Ngoại trưởng"))
        ag = self.agreement()
        title = "%s %s hội đàm với %s %s" % (lt, leader[0], flt, pn)
        p = self.province()
        paras = [
            "%s %s, tại %s, %s %s đã hội đàm với %s %s %s nhân dịp chuyến thăm chính thức %s. Tham "
            "dự có %s, %s và lãnh đạo nhiều bộ, ngành." % (
                self.time_word(), d_m(self.date), r.choice(("Hà Nội", "Trụ sở Chính phủ", pn)), lt,
                leader[0], flt, pn, fl[0], pn, self.minister(m1)[0], self.minister(m2)[0]),
            "Hai bên nhất trí thúc đẩy quan hệ kinh tế, thương mại, đầu tư trở thành trụ cột quan "
            "trọng, phấn đấu nâng kim ngạch thương mại song phương lên %d tỷ USD. %s %s" % (
                r.randrange(5, 150), self.fill(20), self.fill(11)),
            "%s %s đề nghị phía %s tiếp tục mở cửa thị trường cho nông sản, thủy sản của Việt Nam, "
            "sớm công nhận quy chế kinh tế thị trường và thúc đẩy phê chuẩn %s. %s" % (
                lt, leader[1], self.paname(pa, cue=True), self.agname(ag), self.fillers(1, 2)),
            "%s %s khẳng định coi trọng quan hệ với Việt Nam, mong muốn tăng cường hợp tác trong các "
            "lĩnh vực bán dẫn, năng lượng, hạ tầng và chuyển đổi số. Sau hội đàm, hai bên chứng kiến "
            "lễ trao %d văn kiện hợp tác, trong đó có %s giữa %s và %s. %s" % (
                flt, fl[1], r.randrange(3, 20),
                r.choice(("Bản ghi nhớ hợp tác", "Thỏa thuận hợp tác")), self.unit(p),
                self.paname(r.choice(self.lex.localities)), self.fillers(1, 3)),
            "Trước đó, %s đã thực hiện %s, khẳng định quyết tâm đưa quan hệ hai nước lên tầm cao "
            "mới. %s" % (lt, self.document(), self.fillers(2, 3)),
        ]
        caption = "%s %s và %s %s tại lễ đón. Ảnh: TTXVN" % (lt, leader[0], flt, fl[0])
        return title, paras, caption, p

    def k_trade(self):
        r = self.r
        p = self.province()
        parts = [self.partner() for _ in range(4)]
        vt, vice = self.vice(p)
        dt, dept = self.dept(p)
        ag = self.agreement()
        title = "Xuất khẩu của %s sang %s tăng mạnh nhờ tận dụng %s" % (
            self.pname(p), self.paname(parts[0]), ag.label)
        m = self.ministry()
        paras = [
            "Theo %s %s, %s, kim ngạch xuất khẩu của %s %d tháng đầu năm %d ước đạt %d,%d tỷ USD, "
            "tăng %d%% so với cùng kỳ; các thị trường chính gồm %s, %s, %s và %s." % (
                dt, self.pname(p), dept[0], self.unit(p), r.randrange(3, 12), self.year,
                r.randrange(1, 40), r.randrange(10), r.randrange(2, 40),
                self.paname(parts[0]), self.paname(parts[1]), self.paname(parts[2]),
                self.paname(parts[3])),
            "%s %s cho biết, việc thực thi %s giúp nhiều mặt hàng được hưởng thuế suất 0%%. %s" % (
                dept[2].capitalize(), dept[1], self.agname(ag), self.fillers(2, 3)),
            "Để hỗ trợ doanh nghiệp, %s đã ban hành %s; phối hợp với %s tổ chức các lớp tập huấn về "
            "quy tắc xuất xứ. %s" % (self.ubnd(p) + " " + self.pname(p), self.document(),
                                     self.mname(m), self.fillers(1, 2)),
            "Làm việc với các doanh nghiệp xuất khẩu mới đây, đồng chí %s, %s đề nghị các doanh nghiệp "
            "chủ động tìm hiểu thị trường %s, %s. %s" % (
                vice[0], vt, self.paname(parts[1], cue=True), self.paname(self.partner(), cue=True),
                self.fillers(2, 3)),
        ]
        caption = "Ảnh: Chế biến hàng xuất khẩu tại một doanh nghiệp trên địa bàn."
        return title, paras, caption, p

    def k_merger(self):
        """After 2025-07-01: a merged province and its old units."""
        r = self.r
        if not self.after_merge:
            return self.k_conference()
        old = [q for q in self.lex.provinces if q.valid_until == "2025-06-30"]
        q = r.choice(old)
        p = self.lex.by_id.get(q.successor) or self.province()
        bt, sec = self.secretary(p)
        ct, chair = self.chair(p)
        pa = self.partner()
        title = "%s (mới) đẩy mạnh thu hút đầu tư sau hợp nhất" % self.unit(p)
        paras = [
            "%s %s, đồng chí %s, %s %s chủ trì buổi làm việc với các nhà đầu tư %s về tình hình "
            "triển khai dự án trên địa bàn %s cũ." % (
                self.time_word(), d_m(self.date), sec[0], bt, self.pname(p), self.paname(pa),
                self.unit(q)),
            "Sau khi sắp xếp đơn vị hành chính, %s có quy mô kinh tế lớn hơn, không gian phát triển "
            "rộng hơn. %s %s" % (self.unit(p), self.fill(13), self.fill(17)),
            "%s %s cam kết tiếp tục thực hiện các chính sách ưu đãi mà %s đã ban hành trước ngày "
            "1/7/2025, bảo đảm quyền lợi hợp pháp của nhà đầu tư. %s" % (
                ct.split(", ")[-1], chair[0], self.unit(q), self.fillers(2, 3)),
            "Các doanh nghiệp %s, trong đó có %s và %s, đề nghị %s sớm hoàn thiện quy hoạch. %s" % (
                self.paname(pa, cue=True), r.choice(self.lex.companies).label,
                r.choice(self.lex.companies).label, self.ubnd(p), self.fillers(2, 4)),
        ]
        caption = "Ảnh: Quang cảnh buổi làm việc."
        return title, paras, caption, p

    KINDS = ("k_conference", "k_reception", "k_agreement", "k_promotion", "k_talks",
             "k_trade", "k_merger")
    KIND_CUM = cumulative([3, 3, 2, 2, 2, 2, 1])

    # -- page

    def build(self):
        r = self.r
        kind = pick_cum(r, self.KINDS, self.KIND_CUM)
        title, paras, caption, p = getattr(self, kind)()
        portal = r.random() < 0.5
        lines = []
        if portal:
            site = "CỔNG THÔNG TIN ĐIỆN TỬ " + ("THÀNH PHỐ " if self.is_city(p) else "TỈNH ") + p.label.upper()
        else:
            site = r.choice(NEWS_SITES).upper()
        lines.append(site)
        lines.append(r.choice(SITE_MENUS))
        lines.append(r.choice(BREADCRUMBS))
        lines.append("")
        lines.append(title)
        lines.append("")
        hh, mm = r.randrange(6, 23), r.randrange(60)
        lines.append("Cập nhật: %s %02d:%02d | Lượt xem: %d" % (dd_mm_yyyy(self.date), hh, mm,
                                                             r.randrange(50, 20000)))
        lines.append("")
        cap_at = r.randrange(1, len(paras))
        for k, para in enumerate(paras):
            if k == cap_at:
                lines.append(caption)
                lines.append("")
            lines.append(para)
            lines.append("")
        by = r.choice(BYLINE_NAMES)
        lines.append(r.choice((by, by + " - " + r.choice(("Văn phòng UBND tỉnh", "Sở Ngoại vụ", "TTXVN")),
                               "Theo TTXVN", "PV", "Bài, ảnh: " + by)))
        lines.append("")
        lines.append(r.choice(("Chia sẻ: Facebook | Zalo | In bài", "Chia sẻ", "Share | Tweet | In bài")))
        if r.random() < 0.4:
            lines.append("Từ khóa: ngoại giao kinh tế, đầu tư, %s" % p.label)
        lines.append(r.choice(("Tin liên quan", "Tin khác", "Các tin khác", "Bài liên quan")))
        for _ in range(r.randrange(3, 7)):
            q = self.province()
            rd = date_from_day(max(0, day_of(self.date) - r.randrange(1, 60)))
            lines.append("- %s %s (%s)" % (
                q.label, r.choice(("tiếp đoàn doanh nghiệp " + self.paname(self.partner()),
                                   "tổ chức hội nghị xúc tiến đầu tư năm %s" % rd[:4],
                                   "ký kết hợp tác với " + self.paname(self.partner()),
                                   "triển khai " + self.agname(self.agreement()))),
                dd_mm_yyyy(rd)))
        lines.append("© Bản quyền thuộc %s. Ghi rõ nguồn khi phát hành lại thông tin từ website này."
                     % (site.title() if portal else site.title()))
        text = "\n".join(lines) + "\n"

        # variants of the writing system
        v = r.random()
        if v < 0.10:
            for a, b in OLD_TONE:
                text = text.replace(a, b)
                title = title.replace(a, b)
        v = r.random()
        if v < 0.02:
            text = text.replace("Đ", "\u00d0")
            title = title.replace("Đ", "\u00d0")
        v = r.random()
        if v < 0.05:
            text = unicodedata.normalize("NFD", text)
            title = unicodedata.normalize("NFD", title)
        return title, text, kind


OLD_TONE = [("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hóa", "hoá"), ("Hóa", "Hoá"), ("hòa", "hoà"),
            ("Hòa", "Hoà"), ("thỏa", "thoả"), ("Thỏa", "Thoả"), ("khỏe", "khoẻ")]

# ---------------------------------------------------------------- dates

_MDAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_DAYS = []  # day index from 2013-01-01 -> ISO date, 2013..2026
for _y in range(2013, 2027):
    for _m in range(12):
        for _d in range(_MDAYS[_m] + (1 if _m == 1 and _leap(_y) else 0)):
            _DAYS.append("%04d-%02d-%02d" % (_y, _m + 1, _d + 1))
_DAY_INDEX = {d: i for i, d in enumerate(_DAYS)}


def date_from_day(i):
    return _DAYS[min(i, len(_DAYS) - 1)]


def day_of(date):
    return _DAY_INDEX[date]


# ---------------------------------------------------------------- main


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--out", help="directory of .txt files (subdirectories of 1000)")
    ap.add_argument("--jsonl", help="also write the articles as one JSON Lines file")
    ap.add_argument("--ontology", default=os.path.join(here, "..", "ontology"))
    a = ap.parse_args()
    if not a.out and not a.jsonl:
        ap.error("give --out, --jsonl or both")

    lex = Lexicon(a.ontology)
    world = World(a.seed, lex)

    jf = None
    if a.jsonl:
        os.makedirs(os.path.dirname(os.path.abspath(a.jsonl)), exist_ok=True)
        jf = open(a.jsonl + ".tmp", "w", encoding="utf-8", newline="\n")
    if a.out:
        os.makedirs(a.out, exist_ok=True)
    total = 0
    cur_dir = None
    for i in range(a.articles):
        art = Article(i, a.seed, lex, world)
        title, text, kind = art.build()
        data = text.encode("utf-8")
        total += len(data)
        if a.out:
            d = os.path.join(a.out, "%03d" % (i // 1000))
            if d != cur_dir:
                os.makedirs(d, exist_ok=True)
                cur_dir = d
            with open(os.path.join(d, "%06d.txt" % i), "wb") as f:
                f.write(data)
        if jf:
            jf.write(json.dumps({"id": "a%06d" % i,
                                 "url": "https://tin.example.vn/%s/%06d.html" % (kind[2:], i),
                                 "date": art.date, "title": title, "text": text},
                                ensure_ascii=False))
            jf.write("\n")
    if jf:
        jf.close()
        os.replace(a.jsonl + ".tmp", a.jsonl)
    sys.stderr.write("gen_corpus: %d articles, %.1f MB of text, mean %.0f bytes\n" % (
        a.articles, total / 1e6, total / max(1, a.articles)))


if __name__ == "__main__":
    main()
