// The follow-up jobs (issue 13): the "reminders" kind walks the reminder ladder
// (domain/followup/reminder_ladder.h) for every open assignment and notifies the responsible
// organization's users (the superior organization's at the escalation step) in their inbox,
// and by mail when mail is on; "overdue" marks assignments overdue once a day; "mail" sends
// the queued mail. Assignments come from an AssignmentSource (the directives' use cases).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/jobs.h"
#include "app/ports/mailer.h"

namespace chibo::app {

// An assignment (a task of a directive to an organization) with a due date and no accepted
// report yet.
struct OpenAssignment {
  int64_t id = 0;
  std::string title;  // the task, as the inbox shows it
  Date due_on;
  OrgId org;         // the responsible organization
  std::string link;  // a path of the web UI ("" : none)
  // What the reminder is about within the assignment, in its steps' keys: "" the assignment
  // itself ("reminder:<id>:<step>"), else e.g. a scheduled period report "2027-Q1"
  // ("reminder:<id>@2027-Q1:<step>").
  std::string subject;
};

// What the follow-up needs from the directives, in the job's transaction.
class AssignmentSource {
 public:
  virtual ~AssignmentSource() = default;
  // Assignments not accepted, with a due date, responsible organization and title.
  virtual Result<std::vector<OpenAssignment>> open_assignments(Context& ctx, Date today) = 0;
  // Marks overdue, as of `as_of`, those past their due date without an accepted report;
  // returns how many changed.
  virtual Result<int64_t> mark_overdue(Context& ctx, Date as_of) = 0;
};

// The users to notify for `org`: the users granted a (subtree) role that acts on directives
// (directive.report or directive.write) on the organization itself; none there, those of the
// nearest ancestor that has some; nobody on the path, the users granted everything other than
// the administrators (the committee office); the administrators only when there is nobody
// else. Disabled users, read-only roles (leaders, inspection) and own-record grants (a
// member's own account) are left out.
std::vector<User> responsible_users(Context& ctx, OrgId org);

struct FollowUpOptions {
  bool mail = false;  // queue a mail to each notified user who has an address
};

std::unique_ptr<JobKind> make_reminders_kind(std::shared_ptr<AssignmentSource> source,
                                             FollowUpOptions options);
std::unique_ptr<JobKind> make_overdue_kind(std::shared_ptr<AssignmentSource> source);
// `mailer` null: the kind is disabled (no SMTP server configured).
std::unique_ptr<JobKind> make_mail_kind(std::shared_ptr<Mailer> mailer, int retry_seconds);

}  // namespace chibo::app
