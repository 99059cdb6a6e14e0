#pragma once

#include <QString>

namespace mdm::test {

// A 16 MiB tmpfs mounted for one test (root only), unmounted when destroyed.
class SmallDisk
{
public:
    explicit SmallDisk(const QString &dir);
    ~SmallDisk();
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    QString whyNot() const { return why_; }
    QString file(const QString &name) const { return dir_ + QLatin1Char('/') + name; }

    // Fills the disk to its last byte, then gives back `leave` bytes.
    void fill(qint64 leave = 0);
    void empty();

private:
    QString dir_;
    QString why_;
    bool mounted_ = false;
};

// Whether an error text tells of a full disk (the console's words or the system's).
bool saysDiskFull(const QString &text);

} // namespace mdm::test
