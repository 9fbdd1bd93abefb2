#include "app/review_fanout.h"

namespace chibo::app {

namespace review_fanout_detail {

class ReviewFanoutKind : public JobKind {
 public:
  explicit ReviewFanoutKind(FanoutKindOptions options) : options_(options) {}
  std::string kind() const override { return kJobReviewFanout; }
  JobSchedule schedule() const override { return JobSchedule::kOnDemand; }

  // One step: one batch of units (batch_rows at most), whatever `limit`.
  Result<int> run_steps(Context& ctx, const JobRow& job, int) override {
    const std::optional<int64_t> id = fanout_payload_id(job.payload, "campaign");
    if (!id) return Error::malformed("job_payload_invalid", {{"key", job.key}});
    std::optional<ReviewCampaign> campaign = ctx.tx.review().find_campaign(*id);
    if (!campaign || campaign->fanout_state == "done") return 0;  // the run is done
    const int64_t before_batches = campaign->fanout_batches;
    std::string last_path;
    const int64_t written =
        ctx.tx.review().fan_out_batch(*campaign, std::max(1, options_.batch_rows), last_path);
    if (written == 0) {
      campaign->fanout_state = "done";
      campaign->fanout_total = campaign->units;
      campaign->fanout_finished_at = ctx.now();
      if (!ctx.tx.review().update_campaign_fanout(*campaign, before_batches))
        return Error::conflict("job_lease_lost");
      ctx.audit(AuditEntry::about("review.campaign_fanout_done", "review_campaign", campaign->id,
                                  campaign->org_path.str())
                    .with("units", campaign->units)
                    .with("batches", campaign->fanout_batches));
      return 0;
    }
    if (Status marked =
            mark_fanout_batch(ctx, job, kJobReviewFanout, campaign->id, campaign->fanout_batches);
        !marked)
      return std::move(marked).error();
    campaign->units += written;
    campaign->fanout_batches += 1;
    campaign->fanout_cursor = last_path;
    campaign->fanout_total = std::max(campaign->fanout_total, campaign->units);
    if (!ctx.tx.review().update_campaign_fanout(*campaign, before_batches))
      return Error::conflict("job_lease_lost");
    pace_fanout_step(options_);
    return 1;
  }

 private:
  FanoutKindOptions options_;
};

}  // namespace review_fanout_detail

std::unique_ptr<JobKind> make_review_fanout_kind(FanoutKindOptions options) {
  return std::make_unique<review_fanout_detail::ReviewFanoutKind>(options);
}

}  // namespace chibo::app
