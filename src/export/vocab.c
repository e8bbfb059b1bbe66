/* SPDX-License-Identifier: MIT */
/* Every IRI the RDF/XML exporter writes, as namespace + local name. Terms in
 * the vnkg namespace are defined in ontology/vnkg.owl; the others belong to
 * W3C and community vocabularies. tests/lint/check_vocab.py parses this file
 * (keep one entry per line in the forms below). */
#include "export_internal.h"

const VnkgNsDef vnkg_vocab_ns[VNKG_NS_COUNT] = {
    [VNKG_NS_RDF] = {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    [VNKG_NS_RDFS] = {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    [VNKG_NS_OWL] = {"owl", "http://www.w3.org/2002/07/owl#"},
    [VNKG_NS_XSD] = {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    [VNKG_NS_SKOS] = {"skos", "http://www.w3.org/2004/02/skos/core#"},
    [VNKG_NS_ORG] = {"org", "http://www.w3.org/ns/org#"},
    [VNKG_NS_PROV] = {"prov", "http://www.w3.org/ns/prov#"},
    [VNKG_NS_FOAF] = {"foaf", "http://xmlns.com/foaf/0.1/"},
    /* rdflib binds schema.org with https (REFERENCE.md §3.1). */
    [VNKG_NS_SCHEMA] = {"schema", "https://schema.org/"},
    [VNKG_NS_DCTERMS] = {"dcterms", "http://purl.org/dc/terms/"},
    [VNKG_NS_VNKG] = {"vnkg", VNKG_ONTOLOGY_NS},
};

#define T(ns, local)                                                           \
    {                                                                          \
        VNKG_NS_##ns, local                                                    \
    }

const VnkgTerm vnkg_vocab_terms[VNKG_V_COUNT] = {
    [VNKG_V_RDF_TYPE] = T(RDF, "type"),
    [VNKG_V_RDFS_LABEL] = T(RDFS, "label"),
    [VNKG_V_XSD_DATE] = T(XSD, "date"),
    [VNKG_V_XSD_DATETIME] = T(XSD, "dateTime"),
    [VNKG_V_XSD_DOUBLE] = T(XSD, "double"),
    [VNKG_V_XSD_INTEGER] = T(XSD, "integer"),
    [VNKG_V_XSD_BOOLEAN] = T(XSD, "boolean"),
    [VNKG_V_SKOS_PREFLABEL] = T(SKOS, "prefLabel"),
    [VNKG_V_SKOS_ALTLABEL] = T(SKOS, "altLabel"),
    [VNKG_V_ORG_ORGANIZATION] = T(ORG, "Organization"),
    [VNKG_V_ORG_MEMBERSHIP] = T(ORG, "Membership"),
    [VNKG_V_ORG_ROLE] = T(ORG, "Role"),
    [VNKG_V_ORG_CHANGEEVENT] = T(ORG, "ChangeEvent"),
    [VNKG_V_ORG_MEMBER] = T(ORG, "member"),
    [VNKG_V_ORG_ORGANIZATION_P] = T(ORG, "organization"),
    [VNKG_V_ORG_ROLE_P] = T(ORG, "role"),
    [VNKG_V_ORG_ORIGINAL] = T(ORG, "originalOrganization"),
    [VNKG_V_ORG_RESULTING] = T(ORG, "resultingOrganization"),
    [VNKG_V_PROV_ENTITY] = T(PROV, "Entity"),
    [VNKG_V_PROV_ACTIVITY] = T(PROV, "Activity"),
    [VNKG_V_PROV_SOFTWAREAGENT] = T(PROV, "SoftwareAgent"),
    [VNKG_V_PROV_DERIVED] = T(PROV, "wasDerivedFrom"),
    [VNKG_V_PROV_ASSOCIATED] = T(PROV, "wasAssociatedWith"),
    [VNKG_V_PROV_USED] = T(PROV, "used"),
    [VNKG_V_PROV_STARTED] = T(PROV, "startedAtTime"),
    [VNKG_V_FOAF_PERSON] = T(FOAF, "Person"),
    [VNKG_V_SCHEMA_NEWSARTICLE] = T(SCHEMA, "NewsArticle"),
    [VNKG_V_SCHEMA_URL] = T(SCHEMA, "url"),
    [VNKG_V_DCTERMS_TITLE] = T(DCTERMS, "title"),
    [VNKG_V_DCTERMS_DATE] = T(DCTERMS, "date"),
    [VNKG_V_OFFICIAL] = T(VNKG, "Official"),
    [VNKG_V_PROVINCE] = T(VNKG, "Province"),
    [VNKG_V_MINISTRY] = T(VNKG, "Ministry"),
    [VNKG_V_PARTNER] = T(VNKG, "Partner"),
    [VNKG_V_AGREEMENT] = T(VNKG, "Agreement"),
    [VNKG_V_ORGANIZATION] = T(VNKG, "Organization"),
    [VNKG_V_DOCUMENT] = T(VNKG, "Document"),
    [VNKG_V_EVENT] = T(VNKG, "Event"),
    [VNKG_V_COMENTION] = T(VNKG, "CoMention"),
    [VNKG_V_HOLDS_OFFICE] = T(VNKG, "holdsOffice"),
    [VNKG_V_REPRESENTS] = T(VNKG, "represents"),
    [VNKG_V_CHAIRS] = T(VNKG, "chairs"),
    [VNKG_V_ATTENDS] = T(VNKG, "attends"),
    [VNKG_V_AGREEMENT_WITH] = T(VNKG, "agreementWith"),
    [VNKG_V_ISSUED_BY] = T(VNKG, "issuedBy"),
    [VNKG_V_LOCATED_IN] = T(VNKG, "locatedIn"),
    [VNKG_V_MENTION_COUNT] = T(VNKG, "mentionCount"),
    [VNKG_V_DOCUMENT_COUNT] = T(VNKG, "documentCount"),
    [VNKG_V_DEGREE] = T(VNKG, "degree"),
    [VNKG_V_PAGERANK] = T(VNKG, "pagerank"),
    [VNKG_V_BETWEENNESS] = T(VNKG, "betweenness"),
    [VNKG_V_COMMUNITY] = T(VNKG, "community"),
    [VNKG_V_MERGED_INTO] = T(VNKG, "mergedInto"),
    [VNKG_V_VALID_UNTIL] = T(VNKG, "validUntil"),
    [VNKG_V_FIRST_DATE] = T(VNKG, "firstDate"),
    [VNKG_V_LAST_DATE] = T(VNKG, "lastDate"),
    [VNKG_V_EVIDENCE] = T(VNKG, "evidence"),
    [VNKG_V_ENTITY] = T(VNKG, "entity"),
    [VNKG_V_WEIGHT] = T(VNKG, "weight"),
    [VNKG_V_DATE_INFERRED] = T(VNKG, "dateInferred"),
    [VNKG_V_INFERRED] = T(VNKG, "inferred"),
};
