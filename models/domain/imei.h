#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace mdm {

// The Luhn check digit ('0'–'9') of a run of ASCII digits: the fifteenth digit of an IMEI.
char luhnCheckDigit(QByteArrayView digits);

// Fourteen ASCII digits and their check digit: a valid IMEI.
QByteArray imeiWithCheckDigit(QByteArrayView fourteenDigits);

// 15 ASCII digits whose last is the Luhn check digit of the first 14.
bool isValidImei(QStringView imei);

} // namespace mdm
