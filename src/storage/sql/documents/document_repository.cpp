#include "storage/sql/documents/document_repository.h"

#include <nlohmann/json.hpp>

#include "storage/sql/documents/attachment_files.h"
#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::DocumentAttachment;
using app::DocumentForward;
using app::RegisteredDocument;

namespace {

constexpr const char* kDocumentColumns =
    "direction, status, org_path, issuing_body, type, series, symbol, search_symbol, search_text, "
    "issued_on, received_on, from_issuer, issuer_name, superior_issuer, place, summary, body, "
    "signer_name, signer_position, authority, signing_for, secrecy, urgency, circulation, "
    "withdrawn_on, withdrawn_reason, created_at, updated_at, "
    "id, org_id, term_id, number, signer_member_id, version";
constexpr size_t kDocumentTexts = 28;
constexpr size_t kDocumentNumbers = 6;

std::vector<std::string> body_of(const std::string& stored) {
  std::vector<std::string> body;
  if (stored.empty()) return body;
  nlohmann::json parsed = nlohmann::json::parse(stored, nullptr, false);
  if (!parsed.is_array()) return body;
  for (const auto& item : parsed) {
    if (item.is_string()) body.push_back(item.get<std::string>());
  }
  return body;
}

RegisteredDocument document_of(const RowReader& row) {
  RegisteredDocument d;
  d.direction = row.text(0);
  d.status = row.text(1);
  d.org_path = OrgPath::parse(row.text(2)).value_or(OrgPath());
  d.issuing_body = row.text(3);
  d.type = row.text(4);
  d.series = row.text(5);
  d.symbol = row.text(6);
  d.search_symbol = row.text(7);
  d.search_text = row.text(8);
  d.issued_on = row.date(9).value_or(Date());
  d.received_on = row.date(10);
  d.from_issuer = row.text(11);
  d.issuer_name = row.text(12);
  d.superior_issuer = row.text(13);
  d.place = row.text(14);
  d.summary = row.text(15);
  d.body = body_of(row.text(16));
  d.signer_name = row.text(17);
  d.signer_position = row.text(18);
  d.authority = row.text(19);
  d.signing_for = row.text(20);
  d.secrecy = row.text(21);
  d.urgency = row.text(22);
  d.circulation = row.text(23);
  d.withdrawn_on = row.date(24);
  d.withdrawn_reason = row.text(25);
  d.created_at = row.text(26);
  d.updated_at = row.text(27);
  d.id = DocumentId(row.number(0));
  d.org = OrgId(row.number(1));
  d.term_id = row.number(2);
  if (!row.is_null_number(3)) d.number = row.number(3);
  d.signer_member = MemberId(row.number(4));
  d.version = row.number(5);
  return d;
}

RowValues values_of(const RegisteredDocument& d) {
  RowValues values;
  values.text("direction", d.direction)
      .text("status", d.status)
      .number("org_id", d.org.value)
      .text("org_path", d.org_path.str())
      .text("issuing_body", d.issuing_body)
      .text("type", d.type)
      .text("series", d.series)
      .optional_id("term_id", d.term_id)
      .optional_id("number", d.number.value_or(0))
      .text("symbol", d.symbol)
      .text("search_symbol", d.search_symbol.empty() ? " " : d.search_symbol)
      .text("search_text", d.search_text.empty() ? " " : d.search_text)
      .date("issued_on", d.issued_on)
      .date("received_on", d.received_on)
      .text("from_issuer", d.from_issuer)
      .text("issuer_name", d.issuer_name)
      .text("superior_issuer", d.superior_issuer)
      .text("place", d.place)
      .text("summary", d.summary)
      .text("body", nlohmann::json(d.body).dump())
      .optional_id("signer_member_id", d.signer_member.value)
      .text("signer_name", d.signer_name)
      .text("signer_position", d.signer_position)
      .text("authority", d.authority)
      .text("signing_for", d.signing_for)
      .text("secrecy", d.secrecy)
      .text("urgency", d.urgency)
      .text("circulation", d.circulation)
      .date("withdrawn_on", d.withdrawn_on)
      .text("withdrawn_reason", d.withdrawn_reason)
      .text("updated_at", d.updated_at);
  return values;
}

std::string series_condition(const app::SeriesKey& series, Bindings& bindings) {
  return "org_id = " + bindings.number(series.org.value) +
         " AND issuing_body = " + bindings.text(series.issuing_body) +
         " AND series = " + bindings.text(series.series) +
         " AND term_id = " + bindings.number(series.term_id);
}

std::string hex_of(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.resize(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[byte >> 4];
    out[2 * i + 1] = kDigits[byte & 0xf];
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

std::string bytes_of_hex(const std::string& hex) {
  std::string out;
  out.resize(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>((hex_digit(hex[2 * i]) << 4) | hex_digit(hex[2 * i + 1]));
  return out;
}

constexpr const char* kAttachmentColumns =
    "file_name, content_type, sha256, uploaded_at, uploaded_by, removed_at, removed_by, "
    "removed_reason, id, document_id, size";

}  // namespace

std::string attachments_dir_of(const std::string& sqlite_path) {
  return sqlite_path + ".attachments";
}

std::vector<RegisteredDocument> SqlDocumentRepository::select(const std::string& where_and_order,
                                                              Bindings& bindings) {
  std::vector<RegisteredDocument> found;
  RowReader row(kDocumentTexts, kDocumentNumbers);
  select_rows(session_,
              std::string("SELECT ") + kDocumentColumns + " FROM documents " + where_and_order,
              bindings, row, [&] { found.push_back(document_of(row)); });
  return found;
}

void SqlDocumentRepository::load_recipients(std::vector<RegisteredDocument>& documents) {
  if (documents.empty()) return;
  std::map<int64_t, RegisteredDocument*> by_id;
  std::vector<long long> ids;
  for (RegisteredDocument& d : documents) {
    by_id[d.id.value] = &d;
    ids.push_back(d.id.value);
  }
  Bindings bindings;
  RowReader row(1, 2);
  select_rows(session_,
              "SELECT line, document_id, org_id FROM document_recipients WHERE document_id IN " +
                  bindings.number_list(ids) + " ORDER BY document_id, position",
              bindings, row, [&] {
                by_id[row.number(0)]->recipients.push_back({OrgId(row.number(1)), row.text(0)});
              });
}

void SqlDocumentRepository::save_recipients(const RegisteredDocument& document, bool fresh) {
  long long id = document.id.value;
  if (!fresh)
    session_ << "DELETE FROM document_recipients WHERE document_id = :id", soci::use(id, "id");
  int position = 0;
  for (const app::DocumentRecipient& recipient : document.recipients) {
    RowValues values;
    values.number("document_id", id)
        .number("position", position++)
        .optional_id("org_id", recipient.org.value)
        .text("line", recipient.line);
    soci::statement statement(session_);
    values.attach(statement);
    prepare_unnamed(statement, values.insert_sql("document_recipients"));
    statement.execute(true);
  }
}

std::optional<RegisteredDocument> SqlDocumentRepository::find(DocumentId id) {
  Bindings bindings;
  std::vector<RegisteredDocument> found =
      select("WHERE id = " + bindings.number(id.value), bindings);
  if (found.empty()) return std::nullopt;
  load_recipients(found);
  return std::move(found.front());
}

app::DocumentPage SqlDocumentRepository::page(const app::DocumentFilter& filter) {
  // Built twice (the count and the page bind their own values).
  auto where_of = [&](Bindings& bindings) {
    std::string where = "1 = 1";
    if (filter.direction) where += " AND direction = " + bindings.text(*filter.direction);
    if (filter.org) {
      const std::string org = bindings.number(filter.org->value);
      where += " AND (org_id = " + org +
               " OR (direction = 'incoming' AND id IN (SELECT document_id FROM "
               "document_forwards WHERE org_id = " +
               org + ")))";
    }
    if (!filter.unlimited) {
      where += " AND (" + within_condition("org_path", filter.within, bindings) +
               " OR id IN (SELECT document_id FROM document_forwards f WHERE " +
               within_condition("f.org_path", filter.within, bindings) + "))";
    }
    if (filter.issuing_body) where += " AND issuing_body = " + bindings.text(*filter.issuing_body);
    if (filter.type) where += " AND type = " + bindings.text(*filter.type);
    if (filter.term_id) where += " AND term_id = " + bindings.number(*filter.term_id);
    if (filter.status) where += " AND status = " + bindings.text(*filter.status);
    if (filter.from)
      where += " AND COALESCE(received_on, issued_on) >= " + bindings.text(filter.from->iso());
    if (filter.to)
      where += " AND COALESCE(received_on, issued_on) <= " + bindings.text(filter.to->iso());
    if (!filter.query.empty()) {
      const std::string pattern = bindings.text("%" + filter.query + "%");
      where += " AND (search_symbol LIKE " + pattern + " OR (search_text LIKE " + pattern +
               (filter.search_secret_text ? ")" : " AND secrecy IS NULL)") + ")";
    }
    return where;
  };
  app::DocumentPage page;
  {
    Bindings bindings;
    const std::string where = where_of(bindings);
    long long total = 0;
    soci::statement statement(session_);
    statement.exchange(soci::into(total));
    bindings.attach(statement);
    prepare_unnamed(statement, "SELECT COUNT(*) FROM documents WHERE " + where);
    statement.execute(true);
    page.total = total;
  }
  Bindings bindings;
  const std::string where = where_of(bindings);
  page.items =
      select("WHERE " + where + " ORDER BY COALESCE(received_on, issued_on) DESC, id DESC LIMIT " +
                 std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset),
             bindings);
  if (!page.items.empty()) {
    std::vector<long long> ids;
    for (const RegisteredDocument& d : page.items) ids.push_back(d.id.value);
    Bindings count_bindings;
    RowReader row(0, 2);
    select_rows(session_,
                "SELECT document_id, COUNT(*) FROM document_attachments WHERE removed_at IS NULL "
                "AND document_id IN " +
                    count_bindings.number_list(ids) + " GROUP BY document_id",
                count_bindings, row,
                [&] { page.attachment_counts[DocumentId(row.number(0))] = row.number(1); });
  }
  return page;
}

int64_t SqlDocumentRepository::last_number(const app::SeriesKey& series, bool lock) {
  if (lock) {
    RowValues values;
    values.number("org_id", series.org.value)
        .text("issuing_body", series.issuing_body)
        .text("series", series.series)
        .number("term_id", series.term_id)
        .number("last_number", 0);
    soci::statement statement(session_);
    values.attach(statement);
    prepare_unnamed(statement, values.insert_sql("document_series") + " ON CONFLICT DO NOTHING");
    statement.execute(true);
  }
  long long last = 0;
  {
    Bindings bindings;
    RowReader row(0, 1);
    const std::string sql = "SELECT last_number FROM document_series WHERE " +
                            series_condition(series, bindings) +
                            (lock && engine_ == Engine::kPostgres ? " FOR UPDATE" : "");
    select_rows(session_, sql, bindings, row, [&] { last = row.number(0); });
  }
  // The documents themselves are the truth: a series row behind them (documents written by a
  // bulk loader) never makes a number be given twice.
  Bindings bindings;
  RowReader row(0, 1);
  select_rows(session_,
              "SELECT MAX(number) FROM documents WHERE direction = 'outgoing' AND " +
                  series_condition(series, bindings),
              bindings, row, [&] { last = std::max<long long>(last, row.number(0)); });
  return last;
}

void SqlDocumentRepository::set_last_number(const app::SeriesKey& series, int64_t number) {
  RowValues values;
  values.number("last_number", number);
  Bindings where;
  const std::string condition = series_condition(series, where);
  update_rows(session_, "document_series", values, condition, where);
}

void SqlDocumentRepository::insert(RegisteredDocument& document) {
  RowValues values = values_of(document);
  values.number("version", 1).text("created_at", document.created_at);
  document.id = DocumentId(insert_returning_id(session_, "documents", values));
  document.version = 1;
  save_recipients(document, true);
}

bool SqlDocumentRepository::update(RegisteredDocument& document, const RegisteredDocument& before) {
  RowValues values = values_of(document);
  values.number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(document.id.value) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "documents", values, condition, where) != 1) return false;
  document.version = before.version + 1;
  save_recipients(document, false);
  return true;
}

std::vector<DocumentForward> SqlDocumentRepository::forwards(DocumentId id) {
  std::vector<DocumentForward> found;
  Bindings bindings;
  RowReader row(5, 2);
  select_rows(session_,
              "SELECT org_path, forwarded_on, note, actor, created_at, id, org_id FROM "
              "document_forwards WHERE document_id = " +
                  bindings.number(id.value) + " ORDER BY forwarded_on, id",
              bindings, row, [&] {
                DocumentForward f;
                f.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
                f.forwarded_on = row.date(1).value_or(Date());
                f.note = row.text(2);
                f.actor = row.text(3);
                f.created_at = row.text(4);
                f.id = row.number(0);
                f.org = OrgId(row.number(1));
                found.push_back(std::move(f));
              });
  return found;
}

void SqlDocumentRepository::add_forward(DocumentId id, const DocumentForward& forward) {
  RowValues values;
  values.number("document_id", id.value)
      .number("org_id", forward.org.value)
      .text("org_path", forward.org_path.str())
      .date("forwarded_on", forward.forwarded_on)
      .text("note", forward.note)
      .text("actor", forward.actor)
      .text("created_at", forward.created_at);
  insert_returning_id(session_, "document_forwards", values);
}

std::vector<DocumentAttachment> SqlDocumentRepository::select_attachments(const std::string& where,
                                                                          Bindings& bindings) {
  std::vector<DocumentAttachment> found;
  RowReader row(8, 3);
  select_rows(session_,
              std::string("SELECT ") + kAttachmentColumns + " FROM document_attachments WHERE " +
                  where + " ORDER BY id",
              bindings, row, [&] {
                DocumentAttachment a;
                a.file_name = row.text(0);
                a.content_type = row.text(1);
                a.sha256 = row.text(2);
                a.uploaded_at = row.text(3);
                a.uploaded_by = row.text(4);
                a.removed_at = row.text(5);
                a.removed_by = row.text(6);
                a.removed_reason = row.text(7);
                a.id = row.number(0);
                a.document = DocumentId(row.number(1));
                a.size = row.number(2);
                found.push_back(std::move(a));
              });
  return found;
}

std::vector<DocumentAttachment> SqlDocumentRepository::attachments(DocumentId id, bool removed) {
  Bindings bindings;
  return select_attachments(
      "document_id = " + bindings.number(id.value) + (removed ? "" : " AND removed_at IS NULL"),
      bindings);
}

std::optional<DocumentAttachment> SqlDocumentRepository::attachment(DocumentId id,
                                                                    int64_t attachment_id) {
  Bindings bindings;
  std::vector<DocumentAttachment> found = select_attachments(
      "document_id = " + bindings.number(id.value) + " AND id = " + bindings.number(attachment_id) +
          " AND removed_at IS NULL",
      bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlDocumentRepository::add_attachment(DocumentAttachment& attachment) {
  RowValues values;
  values.number("document_id", attachment.document.value)
      .text("file_name", attachment.file_name)
      .text("content_type", attachment.content_type)
      .number("size", attachment.size)
      .text("sha256", attachment.sha256)
      .text("uploaded_at", attachment.uploaded_at)
      .text("uploaded_by", attachment.uploaded_by);
  attachment.id = insert_returning_id(session_, "document_attachments", values);
}

void SqlDocumentRepository::remove_attachment(const DocumentAttachment& attachment) {
  RowValues values;
  values.text("removed_at", attachment.removed_at)
      .text("removed_by", attachment.removed_by)
      .text("removed_reason", attachment.removed_reason);
  Bindings where;
  update_rows(session_, "document_attachments", values, "id = " + where.number(attachment.id),
              where);
}

void SqlDocumentRepository::store_content(const std::string& sha256, const std::string& content,
                                          const std::string& now) {
  if (engine_ == Engine::kSqlite) {
    write_content_file(attachments_dir_, sha256, content);
    return;
  }
  std::string key = sha256;
  std::string hex = hex_of(content);
  std::string at = now;
  session_ << "INSERT INTO document_contents (sha256, content, created_at) VALUES (:s, "
              "decode(:h, 'hex'), :a) ON CONFLICT (sha256) DO NOTHING",
      soci::use(key, "s"), soci::use(hex, "h"), soci::use(at, "a");
}

std::optional<std::string> SqlDocumentRepository::content(const std::string& sha256) {
  if (engine_ == Engine::kSqlite) {
    if (std::optional<std::string> file = read_content_file(attachments_dir_, sha256)) return file;
    // A database copied from PostgreSQL (chibo db copy) brings its contents as rows.
  }
  std::string key = sha256;
  std::string hex;
  soci::indicator indicator = soci::i_null;
  if (engine_ == Engine::kPostgres) {
    session_ << "SELECT encode(content, 'hex') FROM document_contents WHERE sha256 = :s",
        soci::use(key, "s"), soci::into(hex, indicator);
    if (!session_.got_data() || indicator != soci::i_ok) return std::nullopt;
    return bytes_of_hex(hex);
  }
  // SQLite: a blob, or the text of PostgreSQL's bytea output ("\x" and hex digits) as chibo db
  // copy writes it.
  std::string kind;
  session_ << "SELECT typeof(content), CASE WHEN typeof(content) = 'blob' THEN hex(content) ELSE "
              "content END FROM document_contents WHERE sha256 = :s",
      soci::use(key, "s"), soci::into(kind), soci::into(hex, indicator);
  if (!session_.got_data() || indicator != soci::i_ok) return std::nullopt;
  if (kind == "blob") return bytes_of_hex(hex);
  if (hex.rfind("\\x", 0) == 0) return bytes_of_hex(hex.substr(2));
  return hex;
}

std::map<std::string, std::string, std::less<>> SqlDocumentRepository::issuer_overrides(OrgId org) {
  std::map<std::string, std::string, std::less<>> found;
  Bindings bindings;
  RowReader row(2, 0);
  select_rows(session_,
              "SELECT issuing_body, abbreviation FROM document_issuer_overrides WHERE org_id = " +
                  bindings.number(org.value),
              bindings, row, [&] { found[row.text(0)] = row.text(1); });
  return found;
}

void SqlDocumentRepository::set_issuer_override(OrgId org, const std::string& body,
                                                const std::string& abbreviation,
                                                const std::string& now) {
  long long id = org.value;
  std::string issuing_body = body;
  session_ << "DELETE FROM document_issuer_overrides WHERE org_id = :o AND issuing_body = :b",
      soci::use(id, "o"), soci::use(issuing_body, "b");
  if (abbreviation.empty()) return;
  std::string text = abbreviation;
  std::string at = now;
  session_ << "INSERT INTO document_issuer_overrides (org_id, issuing_body, abbreviation, "
              "updated_at) VALUES (:o, :b, :t, :a)",
      soci::use(id, "o"), soci::use(issuing_body, "b"), soci::use(text, "t"), soci::use(at, "a");
}

}  // namespace chibo::storage
