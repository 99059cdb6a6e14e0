#include "imei.h"

namespace mdm {

char luhnCheckDigit(QByteArrayView digits)
{
    // From the right, every second digit is doubled, starting with the one next to the check digit.
    int sum = 0;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        int digit = digits.at(digits.size() - 1 - i) - '0';
        if (i % 2 == 0 && (digit *= 2) > 9)
            digit -= 9;
        sum += digit;
    }
    return char('0' + (10 - sum % 10) % 10);
}

QByteArray imeiWithCheckDigit(QByteArrayView fourteenDigits)
{
    return fourteenDigits.toByteArray() + luhnCheckDigit(fourteenDigits);
}

bool isValidImei(QStringView imei)
{
    if (imei.size() != 15)
        return false;
    for (const QChar c : imei)
        if (c < u'0' || c > u'9')
            return false;
    const QByteArray digits = imei.toLatin1();
    return luhnCheckDigit(QByteArrayView(digits).first(14)) == digits.at(14);
}

} // namespace mdm
