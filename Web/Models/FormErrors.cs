using Microsoft.AspNetCore.Components.Forms;

namespace CafeMenu.Web.Models;

/// <summary>Puts snake_case field errors (ours or the Api's ProblemDetails) next to the matching inputs of an EditForm.</summary>
internal sealed class FormErrors
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    public FormErrors(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
        // Typing in a field clears that field's messages, so a fixed mistake stops being reported.
        context.OnFieldChanged += (_, e) =>
        {
            _store.Clear(e.FieldIdentifier);
            context.NotifyValidationStateChanged();
        };
    }

    /// <summary>Messages that belong to no single field (for example the whole item's size).</summary>
    public List<string> General { get; } = [];

    public bool Any => General.Count > 0 || _context.GetValidationMessages().Any();

    public void Clear()
    {
        _store.Clear();
        General.Clear();
        _context.NotifyValidationStateChanged();
    }

    public void Show(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            if (MenuItemForm.PropertyFor(field) is { } property)
            {
                _store.Add(_context.Field(property), messages);
            }
            else
            {
                General.AddRange(messages);
            }
        }

        _context.NotifyValidationStateChanged();
    }
}
