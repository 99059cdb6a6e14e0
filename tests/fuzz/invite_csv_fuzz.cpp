// libFuzzer target for InviteCsv::read (models/csv/invite_csv.cpp), ManageEngine's bulk-enrollment CSV: any
// bytes must read without a crash or undefined behaviour, and the answer must keep the reader's promise:
// either every request (one per data row, each valid for EnrollmentService::invite) and no error, or every
// error and no request. Reading the same bytes twice gives the same answer.
#include "csv/csv.h"
#include "csv/invite_csv.h"
#include "services/enrollment_service.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool sameRequests(const QList<mdm::InviteRequest> &a, const QList<mdm::InviteRequest> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].email != b[i].email || a[i].platform != b[i].platform ||
            a[i].ownership != b[i].ownership || a[i].group != b[i].group || a[i].line != b[i].line)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace mdm;
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const InviteCsvResult result = InviteCsv::read(bytes);
    for (const QString &error : result.errors)
        check(!error.isEmpty());
    for (const QString &warning : result.warnings)
        check(!warning.isEmpty());

    if (!result.ok()) {
        check(result.requests.isEmpty());
    } else {
        // A header and at least one row; one request per data row, on increasing lines, each valid.
        const csv::Table table = csv::read(bytes);
        check(table.error.isEmpty() && table.records.size() >= 2);
        check(result.requests.size() == table.records.size() - 1);
        int previous = table.records.first().line;
        for (const InviteRequest &request : result.requests) {
            check(request.line > previous);
            previous = request.line;
            check(!request.email.isEmpty() && !request.name.isEmpty());
            check(EnrollmentService::validate(request).isEmpty());
        }
    }

    const InviteCsvResult again = InviteCsv::read(bytes);
    check(again.errors == result.errors && again.warnings == result.warnings);
    check(sameRequests(again.requests, result.requests));
    return 0;
}
