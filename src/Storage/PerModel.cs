using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Assembly.Storage;

/// <summary>
/// One <typeparamref name="TSet"/> of compiled queries (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, IQueryable{TResult}}})"/>)
/// per model. A compiled query binds itself to the model of the first context that runs it: a process has one model
/// per provider, but tests build many hosts side by side, each with its own.
///
/// Why compile: EF examines a LINQ query again at every execution (its captured values extracted, the whole
/// expression hashed and compared to find its cached translation). On the hot path that costs about as much as the
/// query itself, and it is paid under the write lock (measured in docs/benchmarks.md). Compiled, only the parameters
/// change.
/// </summary>
public static class PerModel<TSet> where TSet : class, new()
{
    private static readonly ConditionalWeakTable<IModel, TSet> ByModel = new();

    public static TSet For(DbContext db) => ByModel.GetValue(db.Model, _ => new TSet());
}
