// What the document register's use cases (app/documents.h) need from storage, inside the
// transactions of app/ports/store.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo {
using DocumentId = Id<struct DocumentTag>;
}  // namespace chibo

namespace chibo::app {

namespace document_direction {
inline constexpr const char* kOutgoing = "outgoing";
inline constexpr const char* kIncoming = "incoming";
}  // namespace document_direction

namespace document_status {
inline constexpr const char* kActive = "active";
inline constexpr const char* kWithdrawn = "withdrawn";
}  // namespace document_status

// Where an outgoing document goes: an organization of the tree (org valid) or a free line.
struct DocumentRecipient {
  OrgId org;
  std::string line;
};

// An incoming document passed down to an organization below the one that entered it.
struct DocumentForward {
  int64_t id = 0;
  OrgId org;
  OrgPath org_path;
  Date forwarded_on;
  std::string note;
  std::string actor;
  std::string created_at;
};

struct DocumentAttachment {
  int64_t id = 0;
  DocumentId document;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;  // 64 lower-case hex digits
  std::string uploaded_at;
  std::string uploaded_by;
  std::string removed_at;  // "" while attached
  std::string removed_by;
  std::string removed_reason;
};

// A document of the register as stored. Text fields are "" when absent.
struct RegisteredDocument {
  DocumentId id;
  std::string direction = document_direction::kOutgoing;
  std::string status = document_status::kActive;
  OrgId org;  // outgoing: the issuer; incoming: the organization that entered it
  OrgPath org_path;
  std::string issuing_body;  // outgoing
  std::string type;
  std::string series;   // outgoing, numbered: the series key (numbering_series)
  int64_t term_id = 0;  // outgoing: the term of the series
  std::optional<int64_t> number;
  std::string symbol;
  std::string search_symbol;  // folded symbol and number
  std::string search_text;    // folded summary and issuer
  Date issued_on;
  std::optional<Date> received_on;  // incoming
  std::string from_issuer;          // incoming
  std::string issuer_name;
  std::string superior_issuer;
  std::string place;
  std::string summary;
  std::vector<std::string> body;
  MemberId signer_member;
  std::string signer_name;
  std::string signer_position;
  std::string authority;
  std::string signing_for;
  std::string secrecy;
  std::string urgency;
  std::string circulation;
  std::optional<Date> withdrawn_on;
  std::string withdrawn_reason;
  std::vector<DocumentRecipient> recipients;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;

  bool outgoing() const { return direction == document_direction::kOutgoing; }
  bool withdrawn() const { return status == document_status::kWithdrawn; }
  bool secret() const { return !secrecy.empty(); }
};

struct DocumentFilter {
  std::optional<std::string> direction;
  // The register of one organization: outgoing issued by it, incoming entered by it or
  // forwarded to it.
  std::optional<OrgId> org;
  std::optional<std::string> issuing_body;
  std::optional<std::string> type;
  std::optional<int64_t> term_id;
  std::optional<std::string> status;
  std::optional<Date> from, to;  // issued_on (outgoing) or received_on (incoming), inclusive
  std::string query;             // folded
  // Whether a match of `query` on the summary counts for secret documents (else only their
  // symbol and number are searched).
  bool search_secret_text = false;
  // Access: entered or issued inside these subtrees, or forwarded into them (empty: no limit).
  std::vector<OrgPath> within;
  bool unlimited = false;  // true: no access limit (the system actor)
  int64_t offset = 0;
  int limit = 50;
};

struct DocumentPage {
  std::vector<RegisteredDocument> items;
  int64_t total = 0;
  std::map<DocumentId, int64_t> attachment_counts;
};

// The key of a numbering series (domain::NumberingSeries, stored).
struct SeriesKey {
  OrgId org;
  std::string issuing_body;
  std::string series;
  int64_t term_id = 0;
};

class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  virtual std::optional<RegisteredDocument> find(DocumentId id) = 0;
  virtual DocumentPage page(const DocumentFilter& filter) = 0;

  // The last number given in a series (0 when none). With `lock`, the series row is locked
  // until the transaction ends (created first when missing), so that concurrent issuances in
  // one series wait for each other instead of reading the same number.
  virtual int64_t last_number(const SeriesKey& series, bool lock) = 0;
  // Records `number` as the series' last (it must be higher than the last).
  virtual void set_last_number(const SeriesKey& series, int64_t number) = 0;

  // Inserts with its recipients; fills id, version (1).
  virtual void insert(RegisteredDocument& document) = 0;
  // Saves (recipients included) when the stored version equals before.version; bumps it.
  virtual bool update(RegisteredDocument& document, const RegisteredDocument& before) = 0;

  virtual std::vector<DocumentForward> forwards(DocumentId id) = 0;
  virtual void add_forward(DocumentId id, const DocumentForward& forward) = 0;

  // Attachments still attached, oldest first (with `removed`: all).
  virtual std::vector<DocumentAttachment> attachments(DocumentId id, bool removed = false) = 0;
  virtual std::optional<DocumentAttachment> attachment(DocumentId id, int64_t attachment_id) = 0;
  virtual void add_attachment(DocumentAttachment& attachment) = 0;
  virtual void remove_attachment(const DocumentAttachment& attachment) = 0;
  // Keeps `content` under its SHA-256 (once; a second copy of the same bytes is not stored):
  // in the database on PostgreSQL, as a file beside the database on SQLite (written before the
  // transaction commits; a file whose transaction rolled back is an unused file, harmless).
  virtual void store_content(const std::string& sha256, const std::string& content,
                             const std::string& now) = 0;
  virtual std::optional<std::string> content(const std::string& sha256) = 0;

  // An organization's own issuer abbreviations by issuing body.
  virtual std::map<std::string, std::string, std::less<>> issuer_overrides(OrgId org) = 0;
  // Sets (or with "" removes) an override.
  virtual void set_issuer_override(OrgId org, const std::string& body,
                                   const std::string& abbreviation, const std::string& now) = 0;
};

}  // namespace chibo::app
