#include "app/audit_views.h"

#include "app/access_control.h"
#include "core/instant.h"

namespace chibo::app {

namespace {

constexpr int64_t kVerifyBatch = 5000;

// A date or an instant, as an instant; dates (Vietnam's civil days, as users read them) at
// the start (or, for `end`, the end) of the day.
std::optional<std::string> instant_bound(const std::string& text, bool end) {
  if (parse_instant(text)) return text;
  if (std::optional<Date> date = Date::parse(text))
    return format_instant(end ? civil_day_end(*date) : civil_day_start(*date));
  return std::nullopt;
}

}  // namespace

Result<AuditPage> list_audit(Context& ctx, const AuditQuery& query) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kAuditRead);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  AuditFilter filter;
  filter.actor_id = query.actor_id;
  filter.object_type = query.object_type;
  filter.object_id = query.object_id;
  filter.action = query.action;
  if (!query.from.empty()) {
    if (auto from = instant_bound(query.from, false))
      filter.from = *from;
    else
      errors.push_back({"from", "date_format", {}});
  }
  if (!query.to.empty()) {
    if (auto to = instant_bound(query.to, true))
      filter.to = *to;
    else
      errors.push_back({"to", "date_format", {}});
  }
  if (query.limit < 1 || query.limit > 500)
    errors.push_back({"limit", "out_of_range", {{"min", "1"}, {"max", "500"}}});
  if (query.before < 0) errors.push_back({"before", "out_of_range", {{"min", "0"}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  filter.before_seq = query.before;
  filter.limit = query.limit + 1;  // one more tells whether there is a next page
  filter.everything = reach.everything;
  for (const OrgPath& path : reach.subtrees) filter.within.push_back(path.str());
  AuditPage page;
  page.items = ctx.tx.audit().list(filter);
  if (static_cast<int>(page.items.size()) > query.limit) {
    page.items.resize(static_cast<size_t>(query.limit));
    page.next_before = page.items.back().seq;
  }
  return page;
}

Result<AuditVerification> verify_audit(Context& ctx,
                                       const std::optional<domain::AuditCheckpoint>& checkpoint) {
  AuditVerification result;
  if (checkpoint && !domain::checkpoint_signed(*checkpoint)) {
    result.ok = false;
    result.problem = "checkpoint_signature";
    return result;
  }
  Transaction& tx = ctx.tx;
  {
    std::tie(result.head_seq, result.head_hash) = tx.audit().head();
    int64_t last_seq = 0;
    std::string last_hash = domain::kGenesisHash;
    while (true) {
      std::vector<domain::AuditEvent> batch = tx.audit().range(last_seq, kVerifyBatch);
      if (batch.empty()) break;
      if (std::optional<int64_t> broken = domain::first_broken(batch, last_seq, last_hash)) {
        result.ok = false;
        result.first_broken = *broken;
        result.problem = "chain";
        return result;
      }
      for (const domain::AuditEvent& event : batch) {
        if (checkpoint && event.seq == checkpoint->seq && event.hash != checkpoint->hash) {
          result.ok = false;
          result.first_broken = event.seq;
          result.problem = "checkpoint";
          return result;
        }
      }
      result.events += static_cast<int64_t>(batch.size());
      last_seq = batch.back().seq;
      last_hash = batch.back().hash;
    }
    // Events cut from the end leave the head ahead of the table.
    if (last_seq != result.head_seq || last_hash != result.head_hash) {
      result.ok = false;
      result.first_broken = last_seq + 1;
      result.problem = "head";
    } else if (checkpoint && checkpoint->seq > last_seq) {
      result.ok = false;
      result.first_broken = last_seq + 1;
      result.problem = "checkpoint";
    }
  }
  return result;
}

Result<AuditVerification> verify_audit_as(Context& ctx) {
  if (!reach_of(ctx, domain::Permission::kAuditRead).everything)
    return Error::forbidden("forbidden");
  return verify_audit(ctx);
}

Result<domain::AuditCheckpoint> checkpoint_audit(Context& ctx, const std::string& secret_key) {
  const auto [seq, hash] = ctx.tx.audit().head();
  return domain::make_checkpoint(seq, hash, ctx.now(), secret_key);
}

}  // namespace chibo::app
