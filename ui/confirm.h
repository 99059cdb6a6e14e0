#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QWidget;

namespace mdm {

// The one way the console asks "are you sure?". Tests answer the next question with setNextAnswer()
// instead of driving a modal loop (KeePassXC's MessageBox::setNextAnswer, in spirit).
class Confirm
{
public:
    struct Question
    {
        QString title;
        QString text;        // what will happen, in plain words
        QStringList records; // the records affected (the first ones are listed)
        qint64 recordCount = 0;
        QString acceptText; // e.g. "Remove 5 Requests"
        bool destructive = false;
    };

    static bool ask(QWidget *parent, const Question &question);
    static void setNextAnswer(std::optional<bool> answer);
    static bool hasNextAnswer() { return nextAnswer_.has_value(); }
    static QString lastQuestionText(); // what was asked last, for tests

private:
    static std::optional<bool> nextAnswer_;
    static QString lastText_;
};

} // namespace mdm
