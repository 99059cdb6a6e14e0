#include "confirm.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace mdm {

std::optional<bool> Confirm::nextAnswer_;
QString Confirm::lastText_;

namespace {
constexpr int kListed = 12;
}

bool Confirm::ask(QWidget *parent, const Question &question)
{
    QString text = question.text;
    if (!question.records.isEmpty()) {
        QStringList listed = question.records.mid(0, kListed);
        const qint64 rest = std::max<qint64>(question.recordCount, question.records.size()) - listed.size();
        if (rest > 0)
            listed << QMessageBox::tr("… and %1 more").arg(QLocale().toString(rest));
        text += QStringLiteral("\n\n") + listed.join(QLatin1Char('\n'));
    }
    lastText_ = text;
    if (nextAnswer_) {
        const bool answer = *nextAnswer_;
        nextAnswer_.reset();
        return answer;
    }
    QMessageBox box(question.destructive ? QMessageBox::Warning : QMessageBox::Question, question.title,
                    question.text, QMessageBox::NoButton, parent);
    if (!question.records.isEmpty())
        box.setDetailedText(question.records.join(QLatin1Char('\n')));
    box.setInformativeText(question.recordCount > kListed
                               ? QMessageBox::tr("%1 records; see Show Details for the list.")
                                     .arg(QLocale().toString(question.recordCount))
                               : question.records.mid(0, kListed).join(QLatin1Char('\n')));
    QPushButton *accept = box.addButton(question.acceptText, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel); // a stray Enter never destroys anything
    box.exec();
    return box.clickedButton() == accept;
}

void Confirm::setNextAnswer(std::optional<bool> answer)
{
    nextAnswer_ = answer;
}

QString Confirm::lastQuestionText()
{
    return lastText_;
}

} // namespace mdm
