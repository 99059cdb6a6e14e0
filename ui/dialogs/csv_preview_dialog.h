#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>
#include <functional>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace mdm {

// What a CSV preview found, for its summary and buttons.
struct CsvPreviewSummary
{
    QString fileError;                   // the file could not be used at all
    QStringList warnings;                // about the file as a whole
    int rows = 0;                        // data rows
    QList<QPair<int, QString>> problems; // line and reason of each row that is not taken
};

// The shape both CSV previews share (staged import, invites from CSV): a path that can be typed, pasted
// or chosen, every row checked in a table, a summary with the first problems in full, and two ways on:
// all rows (only when every row is valid) or only the valid rows. Nothing is written until then.
class CsvPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    struct Texts
    {
        QString title;
        QString intro;
        QString chooseTitle;                   // of the file chooser
        QString action;                        // the plain button text, shown while it cannot act
        std::function<QString(int)> actionN;   // the button text for n rows
        std::function<QString(int)> validOnly; // the "only the valid rows" text for n rows
    };
    // Checks the file at path, fills the dialog's model and says what it found.
    using Loader = std::function<CsvPreviewSummary(const QString &path)>;

    CsvPreviewDialog(const Texts &texts, QAbstractItemModel *model, Loader load, QWidget *parent = nullptr);

    void loadFile(const QString &path);
    // The file the preview shows (and the buttons act on); the path field may hold newer text.
    QString path() const { return loaded_; }
    bool onlyValidRows() const { return onlyValid_; }
    QString summary() const;
    QLineEdit *pathField() const { return path_; }
    QPushButton *importButton() const { return import_; }
    QPushButton *importValidButton() const { return importValid_; }
    QTableView *table() const { return table_; }

    static constexpr int kProblemsShown = 3;

private:
    void browse();
    void pathEdited();

    Texts texts_;
    Loader load_;
    QLineEdit *path_;
    QLabel *summary_;
    QTableView *table_;
    QPushButton *import_;
    QPushButton *importValid_;
    QTimer *reread_;
    QString loaded_;
    bool onlyValid_ = false;
};

} // namespace mdm
