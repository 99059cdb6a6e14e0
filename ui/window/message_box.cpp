#include "window/message_box.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace mdm {

std::optional<MessageBox::Answer> MessageBox::nextAnswer_;
MessageBox::Message MessageBox::last_;
int MessageBox::count_ = 0;

namespace {

constexpr int kListed = 12;

QMessageBox::Icon boxIcon(MessageBox::Icon icon)
{
    switch (icon) {
    case MessageBox::Icon::Information:
    case MessageBox::Icon::About:
        return QMessageBox::Information;
    case MessageBox::Icon::Question:
        return QMessageBox::Question;
    case MessageBox::Icon::Warning:
        return QMessageBox::Warning;
    case MessageBox::Icon::Critical:
        return QMessageBox::Critical;
    }
    return QMessageBox::NoIcon;
}

} // namespace

MessageBox::Answer MessageBox::show(QWidget *parent, const Message &message)
{
    last_ = message;
    ++count_;
    if (nextAnswer_) {
        const Answer answer = *nextAnswer_;
        nextAnswer_.reset();
        return answer;
    }
    if (message.icon == Icon::About) {
        QMessageBox::about(parent, message.title, message.text);
        return Accept;
    }
    QMessageBox box(boxIcon(message.icon), message.title, message.text, QMessageBox::NoButton, parent);
    box.setInformativeText(message.informativeText);
    box.setDetailedText(message.detailedText);
    QPushButton *accept = nullptr;
    if (message.acceptText.isEmpty()) {
        accept = box.addButton(QMessageBox::Ok);
        box.setDefaultButton(accept);
    } else {
        accept = box.addButton(message.acceptText, QMessageBox::AcceptRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel); // a stray Enter never destroys anything
    }
    box.exec();
    return box.clickedButton() == accept ? Accept : Cancel;
}

bool MessageBox::confirm(QWidget *parent, const Confirmation &confirmation)
{
    Message message;
    message.icon = confirmation.destructive ? Icon::Warning : Icon::Question;
    message.title = confirmation.title;
    message.text = confirmation.text;
    message.acceptText = confirmation.acceptText;
    if (!confirmation.records.isEmpty()) {
        message.detailedText = confirmation.records.join(QLatin1Char('\n'));
        const qint64 count = std::max<qint64>(confirmation.recordCount, confirmation.records.size());
        message.informativeText =
            count > kListed ? tr("%1 records; see Show Details for the list.").arg(QLocale().toString(count))
                            : confirmation.records.mid(0, kListed).join(QLatin1Char('\n'));
    }
    return show(parent, message) == Accept;
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, {Icon::Information, title, text, {}, {}, {}});
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                         const QString &informativeText, const QString &detailedText)
{
    show(parent, {Icon::Warning, title, text, informativeText, detailedText, {}});
}

void MessageBox::critical(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, {Icon::Critical, title, text, {}, {}, {}});
}

void MessageBox::about(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, {Icon::About, title, text, {}, {}, {}});
}

void MessageBox::setNextAnswer(std::optional<Answer> answer)
{
    nextAnswer_ = answer;
}

MessageBox::Message MessageBox::lastMessage()
{
    return last_;
}

int MessageBox::count()
{
    return count_;
}

} // namespace mdm
