using System.Data.Common;

namespace Clinic.Bot.Storage.Sql;

internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>"@prefix0, @prefix1, ..." for an IN list of <paramref name="count"/> values; bind them with <see cref="WithList"/>.</summary>
    public static string ListParameters(string prefix, int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "@" + prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static DbCommand WithList(this DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            command.With(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i]);
        }
        return command;
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
