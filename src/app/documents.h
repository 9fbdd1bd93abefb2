// Use cases of the document register (issue 12): outgoing documents numbered by chibo inside
// the write transaction (domain/documents/numbering.h), incoming documents with the number of
// whoever issued them and the organizations they are passed down to, attachments, and the
// DOCX and print renderings. Access: document.read / document.write over the issuing (or
// receiving) organization's subtree; an incoming document is also read where it was passed
// down to. Documents with a secrecy mark are read in full only with document.secret.read, each
// such read audited; others see their register line only (restricted).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/documents.h"
#include "domain/documents/document.h"
#include "domain/documents/term.h"

namespace chibo::app {

// A recipient as sent: an organization of the tree or a free line (one of the two).
struct RecipientInput {
  OrgId org;
  std::string line;
};

// The fields of a document as sent. Create: absent means empty. Update: absent means
// unchanged, and a null (an empty value here) clears an optional field.
struct DocumentFields {
  std::optional<std::string> type;
  std::optional<Date> issued_on;
  std::optional<std::string> place;
  std::optional<std::string> summary;
  std::optional<std::vector<std::string>> body;
  std::optional<std::string> issuer_name;
  std::optional<std::string> superior_issuer;
  std::optional<MemberId> signer_member;  // invalid: none
  std::optional<std::string> signer_name;
  std::optional<std::string> signer_position;
  std::optional<std::string> authority;
  std::optional<std::string> signing_for;
  std::optional<std::vector<RecipientInput>> recipients;
  std::optional<std::string> secrecy;
  std::optional<std::string> urgency;
  std::optional<std::string> circulation;
  // Incoming.
  std::optional<std::string> from_issuer;
  std::optional<std::string> symbol;
  std::optional<Date> received_on;
};

struct OutgoingDocumentRequest {
  OrgId org;
  std::string issuing_body = "committee";
  DocumentFields fields;
};

struct IncomingDocumentRequest {
  OrgId org;
  DocumentFields fields;
  std::vector<OrgId> forward_to;
};

struct DocumentQuery {
  std::optional<std::string> direction;
  OrgId org;
  std::optional<std::string> issuing_body;
  std::optional<std::string> type;
  std::optional<int64_t> term_id;
  std::optional<std::string> status;
  std::optional<Date> from, to;
  std::string q;
  int64_t offset = 0;
  int limit = 50;
};

struct NumberQuery {
  OrgId org;
  std::string issuing_body = "committee";
  std::string type;
  std::optional<Date> issued_on;  // today when absent
};

// A document with the names its JSON shows.
struct DocumentView {
  RegisteredDocument document;
  std::string org_name;
  std::string term_name;
  std::map<OrgId, std::string> org_names;  // recipients' and forwards' organizations
  std::vector<DocumentForward> forwards;
  std::vector<DocumentAttachment> attachments;
  int64_t attachment_count = 0;
  bool restricted = false;  // secret, and the reader lacks document.secret.read: no summary
};

struct DocumentList {
  std::vector<DocumentView> items;
  int64_t total = 0;
};

struct NumberPreview {
  OrgId org;
  std::string issuing_body;
  std::string type;
  Date issued_on;
  int64_t number = 0;
  std::string number_text;  // "09"
  std::string symbol;       // "09-KH/ĐU"
  std::string abbreviation;
  domain::Term term;
};

struct AttachmentUpload {
  std::string file_name;  // as sent (cleaned here)
  std::string content;
};

struct AttachmentDownload {
  DocumentAttachment attachment;
  std::string content;
};

// A rendering of an outgoing document: DOCX bytes or the print page.
struct RenderedDocument {
  std::string content;
  std::string file_name;  // "09-KH-DU.docx"
};

enum class DocumentFormat { kDocx, kPrintHtml };

struct IssuerRow {
  std::string body;
  std::string default_abbreviation;   // "" when that body issues no numbered documents
  std::string override_abbreviation;  // "" when none
};

struct DocumentIssuers {
  OrgId org;
  std::vector<IssuerRow> rows;
};

Result<DocumentList> list_documents(Context& ctx, const DocumentQuery& query);
Result<DocumentView> get_document(Context& ctx, DocumentId id);
Result<NumberPreview> next_document_number(Context& ctx, const NumberQuery& query);
Result<DocumentView> issue_document(Context& ctx, OutgoingDocumentRequest request);
Result<DocumentView> receive_document(Context& ctx, IncomingDocumentRequest request);
Result<DocumentView> update_document(Context& ctx, DocumentId id, int64_t version,
                                     DocumentFields fields);
Result<DocumentView> withdraw_document(Context& ctx, DocumentId id, int64_t version, Date on,
                                       const std::string& reason);
Result<DocumentView> forward_document(Context& ctx, DocumentId id, std::vector<OrgId> orgs, Date on,
                                      const std::string& note);
Result<DocumentAttachment> add_attachment(Context& ctx, DocumentId id, AttachmentUpload upload);
Result<AttachmentDownload> download_attachment(Context& ctx, DocumentId id, int64_t attachment);
Result<DocumentView> remove_attachment(Context& ctx, DocumentId id, int64_t attachment,
                                       const std::string& reason);
Result<RenderedDocument> render_document(Context& ctx, DocumentId id, DocumentFormat format);
Result<DocumentIssuers> document_issuers(Context& ctx, OrgId org);
// `overrides`: body -> abbreviation ("" returns to the default).
Result<DocumentIssuers> set_document_issuers(Context& ctx, OrgId org,
                                             const std::map<std::string, std::string>& overrides);

// The register row as a PartyDocument for the renderers.
domain::PartyDocument party_document_of(const RegisteredDocument& document,
                                        const std::map<OrgId, std::string>& org_names);

}  // namespace chibo::app
