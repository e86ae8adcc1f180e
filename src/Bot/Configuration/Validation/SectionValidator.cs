using Microsoft.Extensions.Options;

namespace Assembly.Bot.Configuration.Validation;

/// <summary>
/// Checks one section at start. <see cref="Problems"/> yields one sentence per problem, each naming its key; only the
/// first is reported (and later checks may rely on earlier ones having passed, as they are evaluated one at a time).
/// </summary>
public abstract class SectionValidator<T> : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        Problems(options).FirstOrDefault() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    protected abstract IEnumerable<string> Problems(T options);
}
