#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mdm {

// File ▸ Export: which rows (all, those the search and filters show, the selected ones), where (by
// default the folder of the last export), and
// how (Excel-compatible BOM, the formula guard). The visible columns are written in on-screen order.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope
    {
        All,
        Shown,
        Selected
    };

    ExportDialog(const QString &tabTitle, qint64 total, qint64 shown, qint64 selected,
                 const QStringList &columns, const QString &lastFolder = {}, QWidget *parent = nullptr);

    // Where the file goes unless the admin says otherwise: the last export's folder, else Documents,
    // else home; the first of them that exists.
    static QString proposedFolder(const QString &lastFolder);

    Scope scope() const;
    QString path() const;
    bool bom() const;
    bool raw() const;

    QLineEdit *pathEdit() const { return path_; }
    QPushButton *exportButton() const { return export_; }
    QRadioButton *selectedChoice() const { return selected_; }
    QCheckBox *formulaGuard() const { return guard_; }

private:
    void browse();

    QRadioButton *all_;
    QRadioButton *shown_;
    QRadioButton *selected_;
    QLineEdit *path_;
    QCheckBox *bom_;
    QCheckBox *guard_;
    QPushButton *export_;
};

} // namespace mdm
