// The document register on SOCI (SQLite and PostgreSQL). Attachment contents: the table
// document_contents on PostgreSQL; on SQLite files in <database file>.attachments/ named by
// their SHA-256 (attachment_files.h).
#pragma once

#include <soci/soci.h>

#include "app/ports/documents.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

class SqlDocumentRepository : public app::DocumentRepository {
 public:
  // `attachments_dir`: SQLite's folder of contents ("" on PostgreSQL).
  SqlDocumentRepository(soci::session& session, Engine engine, std::string attachments_dir)
      : session_(session), engine_(engine), attachments_dir_(std::move(attachments_dir)) {}

  std::optional<app::RegisteredDocument> find(DocumentId id) override;
  app::DocumentPage page(const app::DocumentFilter& filter) override;
  int64_t last_number(const app::SeriesKey& series, bool lock) override;
  void set_last_number(const app::SeriesKey& series, int64_t number) override;
  void insert(app::RegisteredDocument& document) override;
  bool update(app::RegisteredDocument& document, const app::RegisteredDocument& before) override;
  std::vector<app::DocumentForward> forwards(DocumentId id) override;
  void add_forward(DocumentId id, const app::DocumentForward& forward) override;
  std::vector<app::DocumentAttachment> attachments(DocumentId id, bool removed) override;
  std::optional<app::DocumentAttachment> attachment(DocumentId id, int64_t attachment_id) override;
  void add_attachment(app::DocumentAttachment& attachment) override;
  void remove_attachment(const app::DocumentAttachment& attachment) override;
  void store_content(const std::string& sha256, const std::string& content,
                     const std::string& now) override;
  std::optional<std::string> content(const std::string& sha256) override;
  std::map<std::string, std::string, std::less<>> issuer_overrides(OrgId org) override;
  void set_issuer_override(OrgId org, const std::string& body, const std::string& abbreviation,
                           const std::string& now) override;

 private:
  std::vector<app::RegisteredDocument> select(const std::string& where_and_order,
                                              Bindings& bindings);
  void load_recipients(std::vector<app::RegisteredDocument>& documents);
  // `fresh`: a new document, which has none yet.
  void save_recipients(const app::RegisteredDocument& document, bool fresh);
  std::vector<app::DocumentAttachment> select_attachments(const std::string& where,
                                                          Bindings& bindings);

  soci::session& session_;
  Engine engine_;
  std::string attachments_dir_;
};

// The folder of attachment contents beside a SQLite database file.
std::string attachments_dir_of(const std::string& sqlite_path);

}  // namespace chibo::storage
