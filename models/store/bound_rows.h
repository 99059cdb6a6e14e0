#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <span>

class QSqlQuery;

// Many records' values handed to the database as a whole, so that a bulk action writes them with one
// statement per table instead of one per record (on PostgreSQL each statement is a network round trip).
// A statement reads them as a table in its FROM. PostgreSQL: unnest over one bound array literal per
// column, so the rows travel inside the statement. SQLite: a temporary table filled by a prepared INSERT
// per row, which in-process is what SQLite is fast at (and binds blobs, which JSON could not carry).
namespace mdm {

class BoundRows
{
public:
    struct Column
    {
        QString name;
        QString type; // BIGINT, INTEGER, TEXT or BYTEA (a QByteArray)
    };

    // name: the temporary table's name on SQLite (a plain word, one per statement's set).
    BoundRows(const QSqlDatabase &db, const QString &name, QList<Column> columns);
    ~BoundRows();
    BoundRows(const BoundRows &) = delete;
    BoundRows &operator=(const BoundRows &) = delete;

    // Appends one row: a value per column, in the columns' order (a null QVariant for NULL).
    void append(const QVariantList &values);
    qsizetype size() const { return rows_.size(); }

    // Hands the rows to the database (SQLite: fills the temporary table); false and *error on failure.
    // Call once, after the last append and before running a statement that uses from().
    bool stage(QString *error);
    // The FROM item "… AS alias" with the columns and ord (the rows' order, counting from 1).
    QString from(const QString &alias) const;
    // Binds the rows at from()'s place among the statement's "?" (PostgreSQL; nothing on SQLite).
    void bind(QSqlQuery &query) const;

private:
    QSqlDatabase db_;
    QString name_;
    bool postgres_;
    bool staged_ = false;
    QList<Column> columns_;
    QList<QVariantList> rows_;
};

// Just IDs, one column "id": "x IN (<idSetSql>)" with idSetValue bound at its "?" (SQLite: json_each over a
// JSON array; PostgreSQL: unnest over an array literal).
QString idSetSql(const QSqlDatabase &db);
QVariant idSetValue(const QSqlDatabase &db, const QList<qint64> &ids);
// The same for a StoreReader's statement, which has no QSqlDatabase: the value is bound as text.
QByteArray idSetSql(bool postgres);
QByteArray idSetText(bool postgres, std::span<const qint64> ids);

} // namespace mdm
