/* SPDX-License-Identifier: MIT */
/* Extraction on short texts with the real lexicons in ontology/. */
#undef NDEBUG
#include "failalloc.h"

#include <vnkg/extract.h>
#include <vnkg/ingest.h>
#include <vnkg/normalise.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static VnkgContext *ctx;
static VnkgLexicon *lex;

static void
quiet(VnkgStatus st, const char *msg, void *user)
{
    (void)st;
    (void)msg;
    (void)user;
}

/* Extracts `text` (dated `date`, may be NULL) into a new store. */
static VnkgFacts *
run(const char *text, const char *date)
{
    VnkgDocument *doc;
    assert(vnkg_ingest_text(ctx, "t.txt", text, strlen(text), &doc) ==
           VNKG_SUCCESS);
    if (date) {
        doc->date = vnkg_strdup(ctx, date);
    }
    assert(vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS);
    VnkgFacts *facts;
    assert(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    assert(vnkg_extract_document(ctx, lex, doc, facts) == VNKG_SUCCESS);
    vnkg_document_free(ctx, doc);
    return facts;
}

static const VnkgEntity *
entity(const VnkgFacts *f, const char *type, const char *label)
{
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(f, i);
        if (strcmp(vnkg_entity_type_name(e->type), type) == 0 &&
            strcmp(e->label, label) == 0) {
            return e;
        }
    }
    return NULL;
}

static int
has_rel(const VnkgFacts *f, const char *from, const char *to, VnkgRelation rel,
        const char *role)
{
    for (size_t i = 0; i < vnkg_facts_fact_count(f); ++i) {
        const VnkgFact *x = vnkg_facts_fact_at(f, i);
        const VnkgEntity *a = vnkg_facts_entity_at(f, x->from);
        const VnkgEntity *b = vnkg_facts_entity_at(f, x->to);
        if (x->relation == rel && strcmp(a->label, from) == 0 &&
            strcmp(b->label, to) == 0 &&
            (!role || (x->role && strcmp(x->role, role) == 0))) {
            return 1;
        }
    }
    return 0;
}

static void
expect_entity(const VnkgFacts *f, const char *type, const char *label)
{
    if (!entity(f, type, label)) {
        fprintf(stderr, "missing %s %s\n", type, label);
        abort();
    }
}

static void
test_title_name_orders(void)
{
    VnkgFacts *f = run("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn phát biểu. "
                       "Thứ trưởng Bộ Công thương - Phan Thị Thắng dự.",
                       NULL);
    expect_entity(f, "official", "Bùi Thanh Sơn");
    expect_entity(f, "ministry", "Bộ Ngoại giao");
    assert(has_rel(f, "Bùi Thanh Sơn", "Bộ Ngoại giao", VNKG_REL_HOLDS_OFFICE,
                   "Bộ trưởng"));
    assert(has_rel(f, "Phan Thị Thắng", "Bộ Công Thương", VNKG_REL_HOLDS_OFFICE,
                   "Thứ trưởng"));
    vnkg_facts_free(ctx, f);
    /* the title after the name, behind a dash */
    f = run("Đồng chí Nguyễn Văn Hồi - Phó Chủ tịch UBND tỉnh Tây Ninh tiếp "
            "đoàn.",
            NULL);
    assert(has_rel(f, "Nguyễn Văn Hồi", "Tây Ninh", VNKG_REL_HOLDS_OFFICE,
                   "Phó Chủ tịch UBND tỉnh"));
    vnkg_facts_free(ctx, f);
    /* a family name the list lacks, between a prefix and a title (and the
     * old tone placement of "uỷ", "Hoá") */
    f = run("Cùng tiếp có ông Đầu Thanh Tùng, Phó Bí thư Tỉnh uỷ, Chủ tịch "
            "UBND tỉnh Thanh Hoá.",
            NULL);
    assert(has_rel(f, "Đầu Thanh Tùng", "Thanh Hóa", VNKG_REL_HOLDS_OFFICE,
                   "Phó Bí thư Tỉnh ủy"));
    assert(has_rel(f, "Đầu Thanh Tùng", "Thanh Hóa", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch UBND tỉnh"));
    vnkg_facts_free(ctx, f);
    /* a name's titles, then "và" and the next person's: each has his
     * own (the second's were all given to him) */
    f = run("Tiếp đoàn có đồng chí Nguyễn Văn Lộc, Ủy viên Trung ương Đảng, "
            "Bí thư Tỉnh ủy Bình Dương và Phó Chủ tịch Thường trực UBND tỉnh "
            "Mai Hùng Dũng.",
            NULL);
    assert(has_rel(f, "Nguyễn Văn Lộc", "Bình Dương", VNKG_REL_HOLDS_OFFICE,
                   "Bí thư Tỉnh ủy"));
    assert(has_rel(f, "Nguyễn Văn Lộc", "Ban Chấp hành Trung ương Đảng",
                   VNKG_REL_HOLDS_OFFICE, "Ủy viên Trung ương Đảng"));
    assert(has_rel(f, "Mai Hùng Dũng", "Bình Dương", VNKG_REL_HOLDS_OFFICE,
                   "Phó Chủ tịch Thường trực UBND tỉnh"));
    assert(!has_rel(f, "Mai Hùng Dũng", "Bình Dương", VNKG_REL_HOLDS_OFFICE,
                    "Bí thư Tỉnh ủy"));
    vnkg_facts_free(ctx, f);
    /* a province whose name starts with its unit word: after a title, a
     * title that ends with that word, a unit word of its own */
    f = run("Bí thư Thành ủy TP.HCM Nguyễn Văn Nên và Chủ tịch UBND TP.HCM "
            "Phan Văn Mãi dự. Hai bên ký Biên bản ghi nhớ giữa UBND TP.HCM "
            "và tỉnh Chiba.",
            NULL);
    assert(has_rel(f, "Nguyễn Văn Nên", "Hồ Chí Minh", VNKG_REL_HOLDS_OFFICE,
                   "Bí thư Thành ủy"));
    assert(
        has_rel(f, "Phan Văn Mãi", "Hồ Chí Minh", VNKG_REL_HOLDS_OFFICE, NULL));
    assert(has_rel(f, "MOU Hồ Chí Minh – Chiba", "Chiba",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    vnkg_facts_free(ctx, f);
}

static void
test_comrade_chain_bridge(void)
{
    /* old tone placement "uỷ" must match the lexicon's "ủy" */
    VnkgFacts *f = run("Điểm cầu tỉnh Cao Bằng do đồng chí Trịnh Trường Huy, "
                       "Tỉnh uỷ viên, Phó Chủ tịch UBND tỉnh chủ trì.",
                       "2025-07-22");
    assert(has_rel(f, "Trịnh Trường Huy", "Cao Bằng", VNKG_REL_HOLDS_OFFICE,
                   "Phó Chủ tịch UBND tỉnh"));
    assert(has_rel(f, "Trịnh Trường Huy", "Cao Bằng", VNKG_REL_HOLDS_OFFICE,
                   "Tỉnh ủy viên"));
    assert(
        has_rel(f, "Trịnh Trường Huy", "Cao Bằng", VNKG_REL_REPRESENTS, NULL));
    const VnkgFact *x = vnkg_facts_fact_at(f, 0);
    assert(x->first_date && strcmp(x->first_date, "2025-07-22") == 0);
    vnkg_facts_free(ctx, f);
}

static void
test_tinh_ta(void)
{
    VnkgFacts *f = run("Tại điểm cầu tỉnh ta có đồng chí Trần Quốc Nam, Phó "
                       "Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
                       NULL);
    expect_entity(f, "official", "Trần Quốc Nam");
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        assert(vnkg_facts_entity_at(f, i)->type != VNKG_TYPE_PROVINCE);
    }
    vnkg_facts_free(ctx, f);
}

static void
test_ordinary_words(void)
{
    VnkgFacts *f = run("Các giải pháp vì hòa bình và pháp luật được bàn. "
                       "Anh em trong nhà. Trung tâm Nam bộ.",
                       NULL);
    assert(vnkg_facts_entity_count(f) == 0);
    vnkg_facts_free(ctx, f);
    f = run("Việt Nam và Pháp ký kết; quan hệ với Anh, Hòa Bình và Hà Nội.",
            NULL);
    expect_entity(f, "partner", "Pháp");
    expect_entity(f, "partner", "Vương quốc Anh");
    expect_entity(f, "province", "Hòa Bình");
    expect_entity(f, "province", "Hà Nội");
    vnkg_facts_free(ctx, f);
}

/* Publications named after an organisation and the source tag opening an
 * article's body are not mentions of the organisation. */
static void
test_publications_and_source_tags(void)
{
    VnkgFacts *f =
        run("BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM\n\n"
            "(ĐCSVN) - Sáng 3/3, các đại biểu làm việc tại Hà Nội.\n\n"
            "Theo Báo điện tử Chính phủ và Cổng Thông tin điện tử Chính "
            "phủ, Đài Tiếng nói Việt Nam đưa tin; Báo Công Thương cũng "
            "vậy.\n",
            NULL);
    expect_entity(f, "province", "Hà Nội"); /* the line is still read */
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(f, i);
        if (e->type == VNKG_TYPE_ORGANIZATION ||
            e->type == VNKG_TYPE_MINISTRY) {
            fprintf(stderr, "unexpected %s\n", e->label);
            abort();
        }
    }
    vnkg_facts_free(ctx, f);
    /* the same names outside those frames still count; a bracket without
     * a dash after it is not a source tag */
    f = run("Tiêu đề\n\n(Bộ Ngoại giao) nhận định. Đảng Cộng sản Việt Nam và "
            "Chính phủ chỉ đạo; báo cáo Chính phủ; Bộ Công Thương dự.\n",
            NULL);
    expect_entity(f, "ministry", "Bộ Ngoại giao");
    expect_entity(f, "organization", "Đảng Cộng sản Việt Nam");
    expect_entity(f, "organization", "Chính phủ");
    expect_entity(f, "ministry", "Bộ Công Thương");
    vnkg_facts_free(ctx, f);
}

static void
test_companies(void)
{
    /* a list after a company head and a country names that country's
     * companies, gazetteer or not; a longer Latin name after a country's
     * name is the company's */
    VnkgFacts *f =
        run("Nhiều doanh nghiệp Nhật Bản như Takagi Seiko, Orix và Kaneka "
            "đã đầu tư vào tỉnh. Hãng hàng không Malaysia Airlines mở "
            "đường bay mới.\n",
            NULL);
    expect_entity(f, "partner", "Nhật Bản");
    expect_entity(f, "partner", "Takagi Seiko");
    expect_entity(f, "partner", "Orix");
    expect_entity(f, "partner", "Kaneka");
    expect_entity(f, "partner", "Malaysia Airlines");
    assert(!entity(f, "partner", "Malaysia"));
    vnkg_facts_free(ctx, f);
    /* not foreign companies: a Vietnamese name without its accents, a
     * kind of firm, a title-case phrase; a company's own name goes on */
    f = run("Công ty Minh Long ký hợp đồng với các doanh nghiệp FDI. "
            "Tập đoàn Samsung Display mở rộng nhà máy. Hai bên triển khai "
            "Khuôn khổ Đối tác Kinh tế số.\n",
            NULL);
    expect_entity(f, "partner", "Samsung");
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(f, i);
        if (e->type == VNKG_TYPE_PARTNER && strcmp(e->label, "Samsung")) {
            fprintf(stderr, "unexpected partner %s\n", e->label);
            abort();
        }
    }
    vnkg_facts_free(ctx, f);
    /* a foreign firm described in Vietnamese, named by its bracket: the
     * country inside the name is no mention; a Vietnamese firm and a
     * bracket that is no name are not such firms */
    f = run("Công ty Dầu khí Quốc tế Kuwait (KPI) và Tập đoàn Dầu khí Quốc "
            "gia Malaysia (Petronas) góp vốn. Tập đoàn Dầu khí Việt Nam (PVN) "
            "tham gia. Văn phòng tại Nhật Bản (xem ảnh) mở cửa.\n",
            NULL);
    expect_entity(f, "partner", "KPI");
    expect_entity(f, "partner", "Petronas");
    assert(!entity(f, "partner", "Kuwait") &&
           !entity(f, "partner", "Malaysia"));
    assert(!entity(f, "partner", "PVN"));
    expect_entity(f, "partner", "Nhật Bản");
    vnkg_facts_free(ctx, f);
}

static void
test_foreign_offices(void)
{
    /* a title that implies Việt Nam's organ ("Tổng Bí thư") is the
     * country's when the chain ends with one; China's State Council */
    VnkgFacts *g =
        run("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình hội đàm với "
            "Tổng Bí thư Tô Lâm. Thủ tướng Quốc vụ viện Trung Quốc Lý Cường "
            "dự. Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp "
            "đoàn.\n",
            NULL);
    assert(has_rel(g, "Tập Cận Bình", "Trung Quốc", VNKG_REL_HOLDS_OFFICE,
                   "Tổng Bí thư"));
    assert(has_rel(g, "Tập Cận Bình", "Trung Quốc", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch nước"));
    assert(!has_rel(g, "Tập Cận Bình", "Ban Chấp hành Trung ương Đảng",
                    VNKG_REL_HOLDS_OFFICE, NULL));
    assert(has_rel(g, "Tô Lâm", "Ban Chấp hành Trung ương Đảng",
                   VNKG_REL_HOLDS_OFFICE, "Tổng Bí thư"));
    assert(has_rel(g, "Lý Cường", "Trung Quốc", VNKG_REL_HOLDS_OFFICE,
                   "Thủ tướng"));
    assert(has_rel(g, "Bùi Thanh Sơn", "Chính phủ", VNKG_REL_HOLDS_OFFICE,
                   "Phó Thủ tướng"));
    vnkg_facts_free(ctx, g);
    /* a portfolio, or a ministry's name, before a country's name makes
     * the office the country's; a foreign mission's city is passed */
    VnkgFacts *f =
        run("Thủ tướng tiếp Bộ trưởng Thương mại Hoa Kỳ Gina Raimondo. Ông "
            "Nishimura Yasutoshi, Bộ trưởng Kinh tế, Thương mại và Công nghiệp "
            "Nhật Bản, dự. Tổng Lãnh sự Hoa Kỳ tại TP.HCM Susan Burns làm việc "
            "với Bộ Ngoại giao Trung Quốc. Bộ trưởng Ngoại giao Bùi Thanh Sơn "
            "chủ trì.\n",
            NULL);
    assert(has_rel(f, "Gina Raimondo", "Hoa Kỳ", VNKG_REL_HOLDS_OFFICE,
                   "Bộ trưởng"));
    assert(has_rel(f, "Nishimura Yasutoshi", "Nhật Bản", VNKG_REL_HOLDS_OFFICE,
                   "Bộ trưởng"));
    assert(has_rel(f, "Susan Burns", "Hoa Kỳ", VNKG_REL_HOLDS_OFFICE,
                   "Tổng Lãnh sự"));
    expect_entity(f, "province", "Hồ Chí Minh");
    expect_entity(f, "partner", "Trung Quốc");
    /* Việt Nam's own minister still holds a Vietnamese ministry */
    assert(has_rel(f, "Bùi Thanh Sơn", "Bộ Ngoại giao", VNKG_REL_HOLDS_OFFICE,
                   "Bộ trưởng"));
    const VnkgEntity *mofa = entity(f, "ministry", "Bộ Ngoại giao");
    assert(mofa && mofa->mentions == 1); /* not China's ministry */
    vnkg_facts_free(ctx, f);
    /* names with letters Vietnamese does not write, Chinese family names
     * in their Vietnamese reading, "TP." after a title, more titles */
    f = run("Thủ tướng bang Bavaria Markus Söder gặp Quốc vụ khanh Bộ Ngoại "
            "giao Ấn Độ Meenakashi Lekhi. Ông Lam Thiên Lập, Chủ tịch Khu tự "
            "trị dân tộc Choang Quảng Tây, hội kiến Chủ tịch UBND TP. Hải "
            "Phòng Nguyễn Văn Tùng.\n",
            NULL);
    assert(has_rel(f, "Markus Söder", "Bavaria", VNKG_REL_HOLDS_OFFICE,
                   "Thủ tướng bang"));
    assert(has_rel(f, "Meenakashi Lekhi", "Ấn Độ", VNKG_REL_HOLDS_OFFICE,
                   "Quốc vụ khanh"));
    assert(has_rel(f, "Lam Thiên Lập", "Quảng Tây", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch"));
    assert(has_rel(f, "Nguyễn Văn Tùng", "Hải Phòng", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch UBND thành phố"));
    vnkg_facts_free(ctx, f);
    /* a foreign minister named without his country is not the minister of
     * the Vietnamese ministry the sentence names; a Vietnamese one is */
    f = run("Bộ trưởng Don Farrell và Thứ trưởng Bộ Công Thương Nguyễn Sinh "
            "Nhật Tân dự. Bộ trưởng Nguyễn Hồng Diên và Bộ Công Thương chủ "
            "trì.\n",
            NULL);
    expect_entity(f, "official", "Don Farrell");
    assert(!has_rel(f, "Don Farrell", "Bộ Công Thương", VNKG_REL_HOLDS_OFFICE,
                    NULL));
    assert(has_rel(f, "Nguyễn Hồng Diên", "Bộ Công Thương",
                   VNKG_REL_HOLDS_OFFICE, "Bộ trưởng"));
    vnkg_facts_free(ctx, f);
}

static void
test_memoranda_and_hyphenated_names(void)
{
    /* the parties after a long lower-case phrase, behind their
     * governments; a Korean given name after a surname Vietnamese shares */
    VnkgFacts *f =
        run("Hai bên ký Biên bản ghi nhớ về thiết lập quan hệ hợp tác hữu "
            "nghị giữa UBND tỉnh Lạng Sơn và chính quyền tỉnh Chungcheongbuk. "
            "Thống đốc tỉnh Chungcheongbuk Kim Young-hwan phát biểu.\n",
            NULL);
    expect_entity(f, "agreement", "MOU Lạng Sơn – Chungcheongbuk");
    assert(has_rel(f, "MOU Lạng Sơn – Chungcheongbuk", "Chungcheongbuk",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(f, "Kim Young-hwan", "Chungcheongbuk", VNKG_REL_HOLDS_OFFICE,
                   "Thống đốc"));
    vnkg_facts_free(ctx, f);
    /* memoranda between firms: the foreign party is the partner, in
     * either place; a bracket after a party, "(MOU)" after the head */
    f = run("Hai bên ký Bản ghi nhớ hợp tác giữa Tập đoàn Điện lực Việt Nam "
            "(EVN) và Tập đoàn Marubeni (Nhật Bản). Biên bản ghi nhớ (MOU) về "
            "đầu tư giữa Tập đoàn Sojitz và Tổng công ty Becamex IDC được "
            "trao. Bản ghi nhớ giữa Tập đoàn Vingroup và Tập đoàn FPT cũng "
            "được ký.\n",
            NULL);
    assert(has_rel(f, "MOU EVN – Marubeni", "Marubeni", VNKG_REL_AGREEMENT_WITH,
                   NULL));
    expect_entity(f, "organization", "EVN");
    expect_entity(f, "partner", "Nhật Bản");
    assert(has_rel(f, "MOU Sojitz – Becamex IDC", "Sojitz",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    /* a description and an acronym between the head and the parties */
    VnkgFacts *g = run("Hai nước đàm phán Hiệp định Đối tác Kinh tế Toàn diện "
                       "(CEPA) Việt Nam - UAE. Hiệp định này giúp thương mại "
                       "tăng, doanh nghiệp Việt Nam - Nhật Bản hưởng lợi.\n",
                       NULL);
    /* the lexicon's CEPA with the UAE, found by its acronym and party */
    assert(has_rel(g, "CEPA Việt Nam - UAE", "UAE", VNKG_REL_AGREEMENT_WITH,
                   NULL));
    /* ordinary words between: not an agreement's name */
    assert(!has_rel(g, "Hiệp định Việt Nam – Nhật Bản", "Nhật Bản",
                    VNKG_REL_AGREEMENT_WITH, NULL));
    assert(!entity(g, "agreement", "Hiệp định Việt Nam – Nhật Bản"));
    vnkg_facts_free(ctx, g);
    /* the kind read in the description: the lexicon's FTA with EFTA */
    g = run("Các địa phương thực hiện Hiệp định FTA Việt Nam - EFTA và Hiệp "
            "định Đối tác Kinh tế (EPA) Việt Nam – Nhật Bản.\n",
            NULL);
    assert(has_rel(g, "FTA Việt Nam - EFTA", "EFTA", VNKG_REL_AGREEMENT_WITH,
                   NULL));
    assert(has_rel(g, "VJEPA", "Nhật Bản", VNKG_REL_AGREEMENT_WITH, NULL));
    vnkg_facts_free(ctx, g);
    /* "với X" after a province named earlier in the sentence: the
     * province is the Vietnamese party; a treaty stays Việt Nam's */
    g = run("Tỉnh Thanh Hóa đã ký biên bản ghi nhớ với tỉnh Chiba. Tại tỉnh "
            "Thanh Hóa, Bộ trưởng nói về Hiệp định với Israel.\n",
            NULL);
    assert(has_rel(g, "MOU Thanh Hóa – Chiba", "Chiba", VNKG_REL_AGREEMENT_WITH,
                   NULL));
    assert(!entity(g, "agreement", "MOU Việt Nam – Chiba"));
    assert(has_rel(g, "Hiệp định Việt Nam – Israel", "Israel",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    vnkg_facts_free(ctx, g);
    /* a province and a firm */
    g = run("Hai bên ký Biên bản ghi nhớ giữa UBND tỉnh Ninh Bình và Tập đoàn "
            "Hyundai (Hàn Quốc).\n",
            NULL);
    assert(has_rel(g, "MOU Ninh Bình – Hyundai", "Hyundai",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    expect_entity(g, "partner", "Hàn Quốc");
    vnkg_facts_free(ctx, g);
    /* ministries: a foreign one is its country's, named by its bracketed
     * acronym; a Vietnamese one may be followed by "Việt Nam"; a
     * ministry's memorandum "với" a firm; two Vietnamese ministries make
     * no agreement */
    g = run("Hai bên trao Bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Kinh "
            "tế, Thương mại và Công nghiệp Nhật Bản (METI). Thỏa thuận hợp "
            "tác giữa Bộ Nông nghiệp và Môi trường Việt Nam và Bộ Nông "
            "nghiệp, Thủy sản và Lâm nghiệp Australia được ký. Bộ Tài chính "
            "đã ký Bản ghi nhớ với Tập đoàn NVIDIA. Bản ghi nhớ giữa Bộ Công "
            "Thương và Bộ Tài chính được trao.\n",
            NULL);
    assert(has_rel(g, "MOU Bộ Công Thương – METI", "Nhật Bản",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g,
                   "Thỏa thuận hợp tác Bộ Nông nghiệp và Môi trường – "
                   "Australia",
                   "Australia", VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g, "MOU Bộ Tài chính – NVIDIA", "NVIDIA",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(!entity(g, "agreement", "MOU Bộ Công Thương – Bộ Tài chính"));
    assert(!entity(g, "agreement", "MOU Việt Nam – NVIDIA"));
    vnkg_facts_free(ctx, g);
    /* the parties named before "ký (kết)": a firm with a foreign firm,
     * Việt Nam with a country, a province with a firm; not two
     * Vietnamese firms, not "hai bên" */
    g = run("Tập đoàn Vingroup và Tập đoàn NVIDIA đã ký kết thỏa thuận hợp "
            "tác. Việt Nam và Nhật Bản đã ký Bản ghi nhớ về năng lượng. UBND "
            "tỉnh Bắc Ninh và Tập đoàn Foxconn (Đài Loan) vừa ký kết biên "
            "bản ghi nhớ. Tập đoàn Vingroup và Tập đoàn FPT ký thỏa thuận. "
            "Hai bên đã ký kết thỏa thuận.\n",
            NULL);
    assert(has_rel(g, "Thỏa thuận hợp tác Vingroup – NVIDIA", "NVIDIA",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g, "MOU Việt Nam – Nhật Bản", "Nhật Bản",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g, "MOU Bắc Ninh – Foxconn", "Foxconn",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(!entity(g, "agreement", "Thỏa thuận Vingroup – FPT"));
    size_t agreements = 0;
    for (size_t i = 0; i < vnkg_facts_entity_count(g); ++i) {
        agreements += vnkg_facts_entity_at(g, i)->type == VNKG_TYPE_AGREEMENT;
    }
    assert(agreements == 3);
    vnkg_facts_free(ctx, g);
    /* a foreign locality's government, a foreign ministry (by its
     * acronym) before "ký"; a period between the head and "giữa" */
    g = run("UBND tỉnh Lâm Đồng và Chính quyền tỉnh Shizuoka đã ký kết Biên "
            "bản ghi nhớ hợp tác. Bộ Công Thương và Bộ Thương mại, Công nghiệp "
            "và Năng lượng Hàn Quốc (MOTIE) đã ký Bản ghi nhớ về khoáng sản. "
            "Hai bên ký Thỏa thuận hợp tác giai đoạn 2026 - 2030 giữa UBND "
            "tỉnh Quảng Trị và Chính quyền tỉnh Savannakhet.\n",
            NULL);
    assert(has_rel(g, "MOU Lâm Đồng – Shizuoka", "Shizuoka",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g, "MOU Bộ Công Thương – MOTIE", "Hàn Quốc",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g, "Thỏa thuận hợp tác Quảng Trị – Savannakhet",
                   "Savannakhet", VNKG_REL_AGREEMENT_WITH, NULL));
    vnkg_facts_free(ctx, g);
    /* a foreign body the gazetteer lacks (named by its acronym), or a
     * foreign firm's Latin name, as the second party; the country in a
     * name is part of it, no mention */
    g = run("Hai bên trao Bản ghi nhớ giữa Ngân hàng Nhà nước Việt Nam và "
            "Ngân hàng Trung ương Indonesia (BI) về thanh toán; Thỏa thuận "
            "hợp tác giữa Tổng công ty Hàng không Việt Nam (Vietnam "
            "Airlines) và Garuda Indonesia.\n",
            NULL);
    assert(has_rel(g, "MOU Ngân hàng Nhà nước Việt Nam – BI", "BI",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(g, "Thỏa thuận hợp tác Vietnam Airlines – Garuda Indonesia",
                   "Garuda Indonesia", VNKG_REL_AGREEMENT_WITH, NULL));
    assert(!entity(g, "partner", "Indonesia"));
    vnkg_facts_free(ctx, g);
    /* two Vietnamese firms: no agreement with a partner, no entity */
    assert(!entity(f, "agreement", "MOU Vingroup – FPT"));
    expect_entity(f, "organization", "Vingroup");
    vnkg_facts_free(ctx, f);
}

/* Memoranda and letters of intent signed by a province's department or
 * agency, or with a foreign body named by its bracketed acronym */
static void
test_memoranda_of_bodies(void)
{
    /* a letter of intent; a department's agreement (the province is the
     * party and is mentioned); a body the gazetteer knows by its acronym */
    VnkgFacts *f =
        run("UBND tỉnh Quảng Ninh và Chính quyền tỉnh Gyeonggi (Hàn Quốc) đã "
            "ký Ý định thư về hợp tác hữu nghị. Hai bên ký Thỏa thuận hợp tác "
            "giữa Sở Công Thương tỉnh Quảng Ninh và Tổ chức Xúc tiến Thương "
            "mại Hàn Quốc (KOTRA).\n",
            NULL);
    assert(has_rel(f, "Ý định thư Quảng Ninh – Gyeonggi", "Gyeonggi",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(f, "Thỏa thuận hợp tác Quảng Ninh – KOTRA", "KOTRA",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(f, "Thỏa thuận hợp tác Quảng Ninh – KOTRA", "Quảng Ninh",
                   VNKG_REL_CO_MENTION, NULL) ||
           has_rel(f, "Quảng Ninh", "Thỏa thuận hợp tác Quảng Ninh – KOTRA",
                   VNKG_REL_CO_MENTION, NULL));
    assert(!entity(f, "partner", "Tổ chức Xúc tiến Thương mại Hàn Quốc"));
    vnkg_facts_free(ctx, f);
    /* an agency named with its province before "ký"; a foreign body with
     * its acronym anywhere is a partner, its country part of its name */
    f = run("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Nghệ An và "
            "Tổ chức Xúc tiến Thương mại Hàn Quốc (KOTRA) đã ký Bản ghi nhớ. "
            "Đại diện Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) phát biểu.\n",
            NULL);
    assert(has_rel(f, "MOU Nghệ An – KOTRA", "KOTRA", VNKG_REL_AGREEMENT_WITH,
                   NULL));
    expect_entity(f, "partner", "USAID");
    assert(!entity(f, "partner", "Hàn Quốc"));
    assert(!entity(f, "partner", "Hoa Kỳ"));
    vnkg_facts_free(ctx, f);
    /* officials sign for their offices' bodies; a portfolio of words
     * side by side ("Tăng trưởng xuất khẩu") */
    f = run("Bộ trưởng Bộ Nông nghiệp và Môi trường Đỗ Đức Duy và Bộ trưởng "
            "Thương mại và Tăng trưởng xuất khẩu New Zealand Todd McClay đã ký "
            "Thỏa thuận hợp tác về nông nghiệp. Tổng Giám đốc Tập đoàn "
            "Vingroup Nguyễn Việt Quang và Giám đốc điều hành Công ty Intel "
            "Việt Nam Kim Huat Ooi đã ký kết thỏa thuận hợp tác.\n",
            NULL);
    assert(has_rel(f, "Todd McClay", "New Zealand", VNKG_REL_HOLDS_OFFICE,
                   "Bộ trưởng"));
    assert(has_rel(
        f, "Thỏa thuận hợp tác Bộ Nông nghiệp và Môi trường – New Zealand",
        "New Zealand", VNKG_REL_AGREEMENT_WITH, NULL));
    assert(has_rel(f, "Thỏa thuận hợp tác Vingroup – Intel", "Intel",
                   VNKG_REL_AGREEMENT_WITH, NULL));
    vnkg_facts_free(ctx, f);
    /* a union names its members: they are mentioned */
    f = run("Việt Nam ký FTA với Liên minh Hải quan Nga – Belarus – "
            "Kazakhstan.\n",
            NULL);
    expect_entity(f, "partner", "Belarus");
    expect_entity(f, "partner", "Kazakhstan");
    vnkg_facts_free(ctx, f);
}

/* Offices of districts, communes and provincial cities are held at no
 * entity, and their names are no provinces; a name ends before a
 * gazetteer name only if written as the gazetteer wants */
static void
test_local_offices(void)
{
    VnkgFacts *f =
        run("UBND tỉnh Thanh Hóa tổ chức hội nghị. Tại điểm cầu huyện có "
            "đồng chí Lê Văn Tám, Chủ tịch UBND huyện Quan Hóa. Chủ tịch UBND "
            "huyện Như Xuân Phạm Văn Hòa phát biểu. Bí thư Huyện ủy Quan Sơn "
            "Trần Văn Bắc dự. Chủ tịch UBND thành phố Thanh Hóa Lê Anh Xuân "
            "và Chủ tịch UBND thành phố Đà Nẵng Lương Nguyễn Minh Triết ký "
            "kết. Đoàn thăm thành phố Huế.\n",
            NULL);
    expect_entity(f, "official", "Lê Văn Tám");
    expect_entity(f, "official", "Phạm Văn Hòa");
    expect_entity(f, "official", "Trần Văn Bắc");
    expect_entity(f, "official", "Lê Anh Xuân");
    assert(!has_rel(f, "Lê Văn Tám", "Thanh Hóa", VNKG_REL_HOLDS_OFFICE, NULL));
    assert(
        !has_rel(f, "Phạm Văn Hòa", "Thanh Hóa", VNKG_REL_HOLDS_OFFICE, NULL));
    assert(
        !has_rel(f, "Trần Văn Bắc", "Thanh Hóa", VNKG_REL_HOLDS_OFFICE, NULL));
    assert(
        !has_rel(f, "Lê Anh Xuân", "Thanh Hóa", VNKG_REL_HOLDS_OFFICE, NULL));
    assert(has_rel(f, "Lương Nguyễn Minh Triết", "Đà Nẵng",
                   VNKG_REL_HOLDS_OFFICE, "Chủ tịch UBND thành phố"));
    expect_entity(f, "province", "Huế");
    assert(!entity(f, "official", "Phạm Văn"));
    const VnkgEntity *th = entity(f, "province", "Thanh Hóa");
    assert(th && th->mentions == 1); /* "tỉnh Thanh Hóa", not the city */
    vnkg_facts_free(ctx, f);
}

/* A given name that is also a province's, after a title or "bà"/"đồng
 * chí"; "Đoàn Bắc Ninh" (a delegation) is no person */
static void
test_names_like_places(void)
{
    VnkgFacts *f = run(
        "Phó Thủ tướng Thường trực Nguyễn Hòa Bình phát biểu. Bà Nguyễn Thị "
        "Thái Bình, Phó Chủ tịch UBND tỉnh Hưng Yên, cho biết. Cùng dự có "
        "đồng chí Hoàng Quang Nam, Phó Chủ tịch UBND tỉnh Tây Ninh. Đoàn Bắc "
        "Ninh do Chủ tịch UBND tỉnh Hòa Bình Bùi Văn Khánh dẫn đầu.\n",
        NULL);
    assert(has_rel(f, "Nguyễn Hòa Bình", "Chính phủ", VNKG_REL_HOLDS_OFFICE,
                   "Phó Thủ tướng Thường trực"));
    assert(has_rel(f, "Nguyễn Thị Thái Bình", "Hưng Yên", VNKG_REL_HOLDS_OFFICE,
                   "Phó Chủ tịch UBND tỉnh"));
    assert(has_rel(f, "Hoàng Quang Nam", "Tây Ninh", VNKG_REL_HOLDS_OFFICE,
                   "Phó Chủ tịch UBND tỉnh"));
    assert(has_rel(f, "Bùi Văn Khánh", "Hòa Bình", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch UBND tỉnh"));
    assert(!entity(f, "province", "Thái Bình"));
    assert(!entity(f, "province", "Quảng Nam"));
    assert(!entity(f, "official", "Đoàn Bắc Ninh"));
    expect_entity(f, "province", "Bắc Ninh");
    vnkg_facts_free(ctx, f);
}

static void
test_postings_and_former_offices(void)
{
    /* a Vietnamese mission's foreign city and a company's Vietnamese arm
     * between the title and the name; past offices are no offices */
    VnkgFacts *f =
        run("Tổng Lãnh sự Việt Nam tại Côn Minh Nguyễn Đức Quang và Tổng Giám "
            "đốc Samsung Việt Nam Choi Joo-ho dự. Nguyên Thủ tướng Nguyễn Tấn "
            "Dũng có mặt. Ông Lê Minh Khái, nguyên Phó Thủ tướng, phát biểu.\n",
            NULL);
    expect_entity(f, "official", "Nguyễn Đức Quang");
    assert(has_rel(f, "Choi Joo-ho", "Samsung", VNKG_REL_HOLDS_OFFICE,
                   "Tổng Giám đốc"));
    expect_entity(f, "official", "Nguyễn Tấn Dũng");
    expect_entity(f, "official", "Lê Minh Khái");
    assert(!has_rel(f, "Nguyễn Tấn Dũng", "Chính phủ", VNKG_REL_HOLDS_OFFICE,
                    NULL));
    assert(
        !has_rel(f, "Lê Minh Khái", "Chính phủ", VNKG_REL_HOLDS_OFFICE, NULL));
    vnkg_facts_free(ctx, f);
    /* a bracket after the organisation (its abbreviation, a firm's
     * country) and a posting before the name */
    f = run("Phó Thủ tướng tiếp Giám đốc Quốc gia Ngân hàng Thế giới (WB) tại "
            "Việt Nam Mariam Sherman và Chủ tịch Tập đoàn Posco (Hàn Quốc) "
            "Chang In-hwa. Bà Ramla Khalidi, Trưởng Đại diện thường trú "
            "Chương trình Phát triển Liên hợp quốc (UNDP) tại Việt Nam, phát "
            "biểu. Tổng Giám đốc Tổ chức Nông lương Liên hợp quốc (FAO) Khuất "
            "Đông Ngọc dự.\n",
            NULL);
    assert(has_rel(f, "Mariam Sherman", "WB", VNKG_REL_HOLDS_OFFICE,
                   "Giám đốc Quốc gia"));
    assert(has_rel(f, "Chang In-hwa", "POSCO", VNKG_REL_HOLDS_OFFICE, NULL));
    expect_entity(f, "partner", "Hàn Quốc");
    assert(has_rel(f, "Ramla Khalidi", "UNDP", VNKG_REL_HOLDS_OFFICE,
                   "Trưởng Đại diện thường trú"));
    assert(has_rel(f, "Khuất Đông Ngọc", "FAO", VNKG_REL_HOLDS_OFFICE,
                   "Tổng Giám đốc"));
    assert(entity(f, "partner", "WB")->mentions == 1); /* "(WB)": an alias */
    vnkg_facts_free(ctx, f);
    /* a foreign minister's ministry written with "Bộ"; a title ending
     * with "bang" before a state the gazetteer does not know; a Chinese
     * family name in its Sino-Vietnamese reading */
    f = run("Bộ trưởng Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản "
            "Nishimura Yasutoshi dự. Ông tiếp Thống đốc bang Victoria "
            "(Australia) Jacinta Allan. Chủ tịch Trung Quốc Tập Cận Bình phát "
            "biểu.\n",
            NULL);
    assert(has_rel(f, "Nishimura Yasutoshi", "Nhật Bản", VNKG_REL_HOLDS_OFFICE,
                   "Bộ trưởng"));
    assert(has_rel(f, "Jacinta Allan", "Victoria", VNKG_REL_HOLDS_OFFICE,
                   "Thống đốc bang"));
    expect_entity(f, "partner", "Australia");
    assert(has_rel(f, "Tập Cận Bình", "Trung Quốc", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch"));
    vnkg_facts_free(ctx, f);
    /* a diplomat's portfolio and mission before the country */
    f = run("Ông Stefan Keller, Tham tán Kinh tế Đại sứ quán Thụy Sĩ, phát "
            "biểu.\n",
            NULL);
    assert(has_rel(f, "Stefan Keller", "Thụy Sĩ", VNKG_REL_HOLDS_OFFICE,
                   "Tham tán"));
    vnkg_facts_free(ctx, f);
}

/* Bodies the gazetteer lacks after an office's title, named as written
 * up to the person or a bracket, or a comma after a capitalised word */
static void
test_unknown_bodies(void)
{
    VnkgFacts *f = run(
        "Viện trưởng Viện Nghiên cứu quản lý kinh tế Trung ương Trần Thị "
        "Hồng Minh trình bày. Vụ trưởng Vụ Thị trường châu Á - châu Phi (Bộ "
        "Công Thương) Trần Thu Quỳnh cho biết. Ông Trần Văn Bình, Giám đốc "
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Nghệ An, "
        "phát biểu.\n",
        NULL);
    assert(has_rel(f, "Trần Thị Hồng Minh",
                   "Viện Nghiên cứu quản lý kinh tế Trung ương",
                   VNKG_REL_HOLDS_OFFICE, "Viện trưởng"));
    assert(has_rel(f, "Trần Thu Quỳnh", "Vụ Thị trường châu Á - châu Phi",
                   VNKG_REL_HOLDS_OFFICE, "Vụ trưởng"));
    expect_entity(f, "ministry", "Bộ Công Thương");
    assert(has_rel(f, "Trần Văn Bình",
                   "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Nghệ "
                   "An",
                   VNKG_REL_HOLDS_OFFICE, "Giám đốc"));
    expect_entity(f, "province", "Nghệ An");
    vnkg_facts_free(ctx, f);
    /* a foreign body the gazetteer lacks is a partner named by its
     * bracketed acronym (or as written); the country in its name is part
     * of it, no mention (as "Công ty Dầu khí Quốc tế Kuwait (KPI)"); one with
     * "Việt Nam" before the country, or an acronym ("WTO") in its name,
     * is Vietnamese; "Hội", "Liên đoàn các ..." start names */
    f = run("Chủ tịch Hiệp hội Doanh nghiệp Đức tại Việt Nam (GBA) Marko "
            "Walde phát biểu. Chủ tịch Liên đoàn các Phòng Thương mại và "
            "Công nghiệp Ấn Độ (FICCI) Harsha Vardhan Agarwal dự. Chủ tịch "
            "Hội đồng Doanh nghiệp Canada Peter Brown cho biết. Chủ tịch Hội "
            "Hữu nghị Việt Nam - Nhật Bản Nguyễn Thiện Nhân dự. Giám đốc "
            "Trung tâm WTO và Hội nhập Nguyễn Thị Thu Trang nói.\n",
            NULL);
    assert(has_rel(f, "Marko Walde", "GBA", VNKG_REL_HOLDS_OFFICE, "Chủ tịch"));
    expect_entity(f, "partner", "GBA");
    assert(!entity(f, "partner", "Đức"));
    assert(has_rel(f, "Harsha Vardhan Agarwal", "FICCI", VNKG_REL_HOLDS_OFFICE,
                   "Chủ tịch"));
    assert(!entity(f, "partner", "Ấn Độ"));
    assert(has_rel(f, "Peter Brown", "Hội đồng Doanh nghiệp Canada",
                   VNKG_REL_HOLDS_OFFICE, "Chủ tịch"));
    expect_entity(f, "partner", "Hội đồng Doanh nghiệp Canada");
    assert(has_rel(f, "Nguyễn Thiện Nhân", "Hội Hữu nghị Việt Nam - Nhật Bản",
                   VNKG_REL_HOLDS_OFFICE, "Chủ tịch"));
    expect_entity(f, "organization", "Hội Hữu nghị Việt Nam - Nhật Bản");
    expect_entity(f, "organization", "Trung tâm WTO và Hội nhập");
    assert(!entity(f, "partner", "WTO"));
    vnkg_facts_free(ctx, f);
    /* a place inside the name: "Bắc Ninh" does not start a person */
    f = run("Trưởng ban Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh Nguyễn "
            "Văn Phong cho biết.\n",
            NULL);
    assert(has_rel(f, "Nguyễn Văn Phong",
                   "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh",
                   VNKG_REL_HOLDS_OFFICE, "Trưởng ban"));
    expect_entity(f, "province", "Bắc Ninh");
    vnkg_facts_free(ctx, f);
    /* a foreign firm's Vietnamese arm and its province before the name */
    f = run("Giám đốc Công ty Samsung Electronics Việt Nam Thái Nguyên Choi "
            "Joo-ho cho biết.\n",
            NULL);
    assert(has_rel(f, "Choi Joo-ho", "Samsung", VNKG_REL_HOLDS_OFFICE,
                   "Giám đốc"));
    expect_entity(f, "province", "Thái Nguyên");
    vnkg_facts_free(ctx, f);
    /* a foreign firm the gazetteer lacks is a partner by its Latin name,
     * a Vietnamese one (accents or not) an organisation as written */
    f = run("Ông tiếp Tổng Giám đốc Công ty TNHH Takeuchi Việt Nam Kazuhiro "
            "Takeuchi và Giám đốc Công ty Minh Long Lê Văn Tâm.\n",
            NULL);
    assert(has_rel(f, "Kazuhiro Takeuchi", "Takeuchi", VNKG_REL_HOLDS_OFFICE,
                   "Tổng Giám đốc"));
    assert(has_rel(f, "Lê Văn Tâm", "Công ty Minh Long", VNKG_REL_HOLDS_OFFICE,
                   "Giám đốc"));
    expect_entity(f, "organization", "Công ty Minh Long");
    vnkg_facts_free(ctx, f);
    /* Latin words too long to be a firm's name make no partner, and no
     * office: nothing read past the found mentions */
    char text[1024];
    char word[320];
    memset(word, 'x', sizeof word - 1);
    word[0] = 'Q';
    word[sizeof word - 1] = '\0';
    snprintf(text, sizeof text,
             "Tổng Giám đốc Công ty TNHH %s Việt Nam Kazuhiro Takeuchi dự. "
             "Hai bên ký Bản ghi nhớ giữa Tập đoàn Vingroup và Tập đoàn %s.\n",
             word, word);
    f = run(text, NULL);
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(f, i);
        assert(e->type != VNKG_TYPE_PARTNER && e->type != VNKG_TYPE_AGREEMENT);
    }
    vnkg_facts_free(ctx, f);
    /* no clear end, or a foreign body's office: no organisation */
    f = run("Giám đốc Trung tâm Hội nghị Quốc gia cho biết sẽ mở cửa. Giám "
            "đốc Trung tâm cho biết năm nay Trung tâm đã đón đoàn Hà Nội. Ông "
            "Sugano Yuichi, Giám đốc Văn phòng JICA tại Việt Nam, dự.\n",
            NULL);
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        assert(vnkg_facts_entity_at(f, i)->type != VNKG_TYPE_ORGANIZATION);
    }
    vnkg_facts_free(ctx, f);
}

static void
test_state_organs(void)
{
    /* an organ named inside a title is mentioned there; another country's
     * government, a state visit, an intergovernmental committee and a
     * Chinese province's People's Government are not Việt Nam's organs */
    VnkgFacts *f = run(
        "Thủ tướng Chính phủ Phạm Minh Chính tiếp ông Dương Á Lâm, Phó Tỉnh "
        "trưởng Chính phủ nhân dân tỉnh Vân Nam. Chính phủ Nhật Bản, chuyến "
        "thăm cấp Nhà nước và Ủy ban liên Chính phủ Việt Nam - Lào.\n",
        NULL);
    const VnkgEntity *gov = entity(f, "organization", "Chính phủ");
    assert(gov && gov->mentions == 1);
    assert(!entity(f, "organization", "Nhà nước"));
    assert(has_rel(f, "Dương Á Lâm", "Vân Nam", VNKG_REL_HOLDS_OFFICE,
                   "Phó Tỉnh trưởng"));
    expect_entity(f, "partner", "Nhật Bản");
    vnkg_facts_free(ctx, f);
}

static void
test_unicode_forms(void)
{
    /* U+00D0 (Eth) for Đ, and NFD text */
    VnkgFacts *f = run("Lãnh đạo tỉnh \xC3\x90\xE1\xBA\xAFk L\xE1\xBA\xAFk "
                       "và tỉnh Khánh Hoa\xCC\x80 dự.",
                       "2020-01-01");
    expect_entity(f, "province", "Đắk Lắk");
    expect_entity(f, "province", "Khánh Hòa");
    vnkg_facts_free(ctx, f);
}

static void
test_time_aware_units(void)
{
    VnkgFacts *f =
        run("Đoàn công tác làm việc tại tỉnh Hà Giang.", "2019-05-01");
    const VnkgEntity *e = entity(f, "province", "Hà Giang");
    assert(e && e->merged_into &&
           strcmp(e->merged_into, "province/tuyen-quang") == 0);
    vnkg_facts_free(ctx, f);
    f = run("Đoàn công tác làm việc tại tỉnh Hà Giang.", "2025-09-01");
    expect_entity(f, "province", "Tuyên Quang");
    assert(!entity(f, "province", "Hà Giang"));
    vnkg_facts_free(ctx, f);
    f = run("Bộ Kế hoạch và Đầu tư chủ trì.", "2024-01-01");
    expect_entity(f, "ministry", "Bộ Kế hoạch và Đầu tư");
    vnkg_facts_free(ctx, f);
    f = run("Bộ Kế hoạch và Đầu tư chủ trì.", "2025-06-01");
    expect_entity(f, "ministry", "Bộ Tài chính");
    vnkg_facts_free(ctx, f);
}

static void
test_documents(void)
{
    VnkgFacts *f = run("Thực hiện Quyết định số 123/QĐ-TTg và Chỉ thị "
                       "15-CT/TW của Ban Bí thư; 16 FTA đã ký.",
                       NULL);
    expect_entity(f, "document", "Quyết định 123/QĐ-TTg");
    expect_entity(f, "document", "Chỉ thị 15-CT/TW");
    assert(
        has_rel(f, "Chỉ thị 15-CT/TW", "Ban Bí thư", VNKG_REL_ISSUED_BY, NULL));
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        assert(vnkg_facts_entity_at(f, i)->type != VNKG_TYPE_AGREEMENT);
    }
    vnkg_facts_free(ctx, f);
}

static void
test_coreference_and_comention(void)
{
    VnkgFacts *f = run("Thủ tướng Phạm Minh Chính chủ trì hội nghị.\n"
                       "Thủ tướng đề nghị Bộ Ngoại giao và Nhật Bản hợp tác.",
                       NULL);
    const VnkgEntity *pm = entity(f, "official", "Phạm Minh Chính");
    assert(pm && pm->mentions == 2);
    /* the bare title's mention is the title, and no form of the name */
    int titled = 0;
    for (size_t i = 0; i < vnkg_facts_mention_count(f); ++i) {
        titled |=
            strcmp(vnkg_facts_mention_at(f, i)->surface, "Thủ tướng") == 0;
    }
    assert(titled && pm->aliases.count == 0);
    /* a bare title at another body is someone else: the United States'
     * minister is no mention of Việt Nam's */
    VnkgFacts *g = run("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên đã làm việc "
                       "với Bộ trưởng Thương mại Hoa Kỳ.\n",
                       NULL);
    assert(entity(g, "official", "Nguyễn Hồng Diên")->mentions == 1);
    vnkg_facts_free(ctx, g);
    /* ... while one naming the same body, sentences later, does; and a
     * later "Thủ tướng Nhật Bản" is not Việt Nam's Prime Minister */
    g = run("Thủ tướng Phạm Minh Chính và Chủ tịch UBND tỉnh Quảng Ninh Cao "
            "Tường Huy tiếp đoàn.\nChủ tịch UBND tỉnh Quảng Ninh đề nghị hai "
            "bên hợp tác. Thủ tướng Nhật Bản cho biết.\n",
            NULL);
    assert(entity(g, "official", "Cao Tường Huy")->mentions == 2);
    assert(entity(g, "official", "Phạm Minh Chính")->mentions == 1);
    vnkg_facts_free(ctx, g);
    assert(has_rel(f, "Bộ Ngoại giao", "Phạm Minh Chính", VNKG_REL_CO_MENTION,
                   NULL) ||
           has_rel(f, "Phạm Minh Chính", "Bộ Ngoại giao", VNKG_REL_CO_MENTION,
                   NULL));
    vnkg_facts_free(ctx, f);
    /* a governor's name after a locality the gazetteers lack */
    g = run("Thống đốc tỉnh Fukushima Uchibori Masao và Thống đốc bang Rhode "
            "Island Dan McKee dự. Thống đốc bang South Dakota cho biết.\n",
            NULL);
    assert(has_rel(g, "Uchibori Masao", "Fukushima", VNKG_REL_HOLDS_OFFICE,
                   "Thống đốc"));
    assert(
        has_rel(g, "Dan McKee", "Rhode Island", VNKG_REL_HOLDS_OFFICE, NULL));
    expect_entity(g, "partner", "South Dakota");
    vnkg_facts_free(ctx, g);
    /* lower-case particles inside Latin names */
    g = run("Chủ tịch Ủy ban châu Âu Ursula von der Leyen và Thủ tướng "
            "Malaysia Anwar bin Ibrahim dự.\n",
            NULL);
    expect_entity(g, "official", "Ursula von der Leyen");
    assert(has_rel(g, "Anwar bin Ibrahim", "Malaysia", VNKG_REL_HOLDS_OFFICE,
                   "Thủ tướng"));
    vnkg_facts_free(ctx, g);
    /* foreign names shortened to their family name, first in East Asian
     * names; two people who share it are not guessed between */
    f = run("Đại sứ Hàn Quốc Park Noh-wan tiếp đoàn. Đại sứ Park đánh giá cao "
            "tỉnh. Thủ tướng Nhật Bản Ishiba Shigeru phát biểu. Ông Ishiba "
            "cảm ơn. Bà Kim Mi-young, Giám đốc Hyosung, và ông Kim Jung-hoon, "
            "Tổng Giám đốc Samsung, dự. Ông Kim cho biết.\n",
            NULL);
    assert(entity(f, "official", "Park Noh-wan")->mentions == 2);
    assert(entity(f, "official", "Ishiba Shigeru")->mentions == 2);
    assert(entity(f, "official", "Kim Jung-hoon")->mentions == 1);
    assert(entity(f, "official", "Kim Mi-young")->mentions == 1);
    vnkg_facts_free(ctx, f);
}

static void
test_events(void)
{
    /* an event named in the title and chaired in the first sentences; a
     * code inside its name ("59-NQ/TW") stays whole */
    VnkgFacts *f = run("Hội nghị toàn quốc triển khai Nghị quyết 59-NQ/TW\n\n"
                       "Sáng 24/2, Thủ tướng Phạm Minh Chính chủ trì hội "
                       "nghị.\n",
                       "2025-02-24");
    expect_entity(f, "event",
                  "Hội nghị toàn quốc triển khai Nghị quyết 59-NQ/TW");
    assert(has_rel(f, "Phạm Minh Chính",
                   "Hội nghị toàn quốc triển khai Nghị quyết 59-NQ/TW",
                   VNKG_REL_CHAIRS, NULL));
    vnkg_facts_free(ctx, f);
    /* the event named with a capital in a lead sentence, not the first
     * event word there; "hội nghị có ..." later names who attended */
    f = run("Đắk Lắk xúc tiến đầu tư tại Hàn Quốc\n\n"
            "Trong khuôn khổ chuyến công tác tại Hàn Quốc, đoàn tỉnh Đắk Lắk "
            "đã tổ chức Hội nghị xúc tiến đầu tư tại thành phố Seoul. Tham dự "
            "hội nghị có Đại sứ Việt Nam tại Hàn Quốc Nguyễn Vũ Tùng.\n",
            "2024-10-22");
    expect_entity(f, "event", "Hội nghị xúc tiến đầu tư");
    assert(has_rel(f, "Nguyễn Vũ Tùng", "Hội nghị xúc tiến đầu tư",
                   VNKG_REL_ATTENDS, NULL));
    vnkg_facts_free(ctx, f);
    f = run("Tin ngắn\n\nTham dự hội nghị có Đại sứ Việt Nam tại Hàn Quốc "
            "Nguyễn Vũ Tùng.\n",
            "2024-10-22");
    expect_entity(f, "event", "Hội nghị");
    vnkg_facts_free(ctx, f);
    /* an event word that starts a body's name is no event: the WEF */
    f = run("Thủ tướng gặp Chủ tịch Diễn đàn Kinh tế Thế giới (WEF)\n\n"
            "Chiều 21/1, Thủ tướng Phạm Minh Chính tiếp Chủ tịch Diễn đàn Kinh "
            "tế Thế giới Borge Brende.\n",
            "2025-01-21");
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        assert(vnkg_facts_entity_at(f, i)->type != VNKG_TYPE_EVENT);
    }
    assert(has_rel(f, "Borge Brende", "WEF", VNKG_REL_HOLDS_OFFICE, NULL));
    vnkg_facts_free(ctx, f);
    /* a venue named after an event word holds no event */
    f = run("Bắc Ninh tiếp đoàn doanh nghiệp Singapore\n\n"
            "Ngày 3/10, tại Trung tâm Hội nghị tỉnh, Chủ tịch UBND tỉnh Bắc "
            "Ninh Vương Quốc Tuấn tiếp đoàn. Lễ đón diễn ra ở Cung Hội nghị "
            "Quốc gia và Nhà hội nghị của tỉnh.\n",
            "2025-10-03");
    for (size_t i = 0; i < vnkg_facts_entity_count(f); ++i) {
        assert(vnkg_facts_entity_at(f, i)->type != VNKG_TYPE_EVENT);
    }
    vnkg_facts_free(ctx, f);
    /* "tại X" is the event's place, but not in a posting before a name */
    f = run("Hội nghị xúc tiến đầu tư\n\n"
            "Sáng 5/6, hội nghị diễn ra tại Hà Nội. Bên lề hội nghị, Tổng Lãnh "
            "sự Ấn Độ tại TP.HCM Madan Mohan Sethi gặp doanh nghiệp.\n",
            "2025-06-05");
    assert(has_rel(f, "Hội nghị xúc tiến đầu tư", "Hà Nội", VNKG_REL_LOCATED_IN,
                   NULL));
    assert(!has_rel(f, "Hội nghị xúc tiến đầu tư", "Hồ Chí Minh",
                    VNKG_REL_LOCATED_IN, NULL));
    expect_entity(f, "province", "Hồ Chí Minh");
    vnkg_facts_free(ctx, f);
}

static void
test_dates(void)
{
    VnkgDocument doc = {0};
    char out[11];
    int inferred;
    doc.text = "Nguyễn Lương 09/03/2023 19:38\nChiều 9/3, tại Hà Nội";
    doc.text_len = strlen(doc.text);
    assert(vnkg_extract_date(&doc, out, &inferred) == VNKG_SUCCESS);
    assert(strcmp(out, "2023-03-09") == 0 && !inferred);
    doc.text = "Ngày 2/4, hội nghị năm 2024 về Nghị quyết 59-NQ/TW";
    doc.text_len = strlen(doc.text);
    assert(vnkg_extract_date(&doc, out, &inferred) == VNKG_SUCCESS);
    assert(strcmp(out, "2024-04-02") == 0 && inferred);
    doc.date = "2021-12-31";
    assert(vnkg_extract_date(&doc, out, &inferred) == VNKG_SUCCESS);
    assert(strcmp(out, "2021-12-31") == 0 && !inferred);
    doc.date = NULL;
    /* in words, as formal texts write it; "3 tháng đầu năm" is no date */
    doc.text = "Trong 3 tháng đầu năm 2025, ngày 24/1, tại Hà Nội";
    doc.text_len = strlen(doc.text);
    assert(vnkg_extract_date(&doc, out, &inferred) == VNKG_SUCCESS);
    assert(strcmp(out, "2025-01-24") == 0 && inferred);
    doc.text =
        "Ngày 10 tháng 3 năm 2025, tại Jakarta, Nghị quyết ngày 24/1/2025";
    doc.text_len = strlen(doc.text);
    assert(vnkg_extract_date(&doc, out, &inferred) == VNKG_SUCCESS);
    assert(strcmp(out, "2025-03-10") == 0 && !inferred);
    doc.text = "không có ngày 45/13";
    doc.text_len = strlen(doc.text);
    assert(vnkg_extract_date(&doc, out, &inferred) == VNKG_FAILURE);
}

/* ---- every allocation failing in turn ---- */

static void
test_allocation_failures(void)
{
    static const char text[] =
        "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dự tại điểm cầu tỉnh Cao "
        "Bằng cùng Nhật Bản; Chỉ thị 15-CT/TW của Ban Bí thư.";
    VnkgDocument *doc;
    assert(vnkg_ingest_text(ctx, "t.txt", text, strlen(text), &doc) ==
           VNKG_SUCCESS);
    assert(vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS);
    int succeeded = 0;
    for (long n = 0; !succeeded && n < 100000; ++n) {
        FailAlloc s = {n, 0, 0};
        VnkgAllocator a = {fa_malloc, fa_realloc, fa_free, &s};
        VnkgContext *fctx;
        if (vnkg_context_new_with(&fctx, &a) != VNKG_SUCCESS) {
            assert(s.live == 0);
            continue;
        }
        vnkg_context_set_diag(fctx, quiet, NULL);
        VnkgFacts *facts = NULL;
        VnkgStatus st = vnkg_facts_new(fctx, &facts);
        if (st == VNKG_SUCCESS) {
            st = vnkg_extract_document(fctx, lex, doc, facts);
        }
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        if (st == VNKG_SUCCESS) {
            succeeded = 1;
            assert(vnkg_facts_fact_count(facts) > 0);
        }
        vnkg_facts_free(fctx, facts);
        vnkg_context_free(fctx);
        assert(s.live == 0);
    }
    assert(succeeded);
    vnkg_document_free(ctx, doc);
}

int
main(void)
{
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, quiet, NULL);
    assert(vnkg_lexicon_load(ctx, VNKG_TEST_SOURCE_DIR "/ontology", &lex) ==
           VNKG_SUCCESS);
    assert(vnkg_lexicon_entry_count(lex) > 400);
    test_title_name_orders();
    test_comrade_chain_bridge();
    test_tinh_ta();
    test_ordinary_words();
    test_publications_and_source_tags();
    test_companies();
    test_foreign_offices();
    test_memoranda_and_hyphenated_names();
    test_memoranda_of_bodies();
    test_state_organs();
    test_names_like_places();
    test_local_offices();
    test_postings_and_former_offices();
    test_unknown_bodies();
    test_unicode_forms();
    test_time_aware_units();
    test_documents();
    test_coreference_and_comention();
    test_events();
    test_dates();
    test_allocation_failures();
    vnkg_lexicon_free(ctx, lex);
    vnkg_context_free(ctx);
    puts("extract: ok");
    return 0;
}
