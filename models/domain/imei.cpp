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
    // Checked for every row of an import: the digits are copied to the stack, not to a new QByteArray.
    if (imei.size() != 15)
        return false;
    char digits[15];
    for (qsizetype i = 0; i < 15; ++i) {
        const char16_t c = imei[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        digits[i] = static_cast<char>(c);
    }
    return luhnCheckDigit(QByteArrayView(digits, 14)) == digits[14];
}

} // namespace mdm
