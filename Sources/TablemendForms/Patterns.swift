/// The regular expressions of the forms stage, built once: a regex literal is parsed again
/// each time it is evaluated, which made them a top cost of converting a form.
enum Patterns {
  nonisolated(unsafe) static let moneyUnitLabel = /^[^()]*\((万元|元|千元|亿元)\)$/
  nonisolated(unsafe) static let moneyUnit = /\((万元|元|千元|亿元)\)/
  nonisolated(unsafe) static let budgetYear = /[(]?(\d{4})年度[)]?/
  nonisolated(unsafe) static let titleYear = /^(\d{4})年.*绩效/
  nonisolated(unsafe) static let unitLine = /^单位:(.+)$/
  nonisolated(unsafe) static let ofWhich = /^其中[:：]\s*(.+)$/
  nonisolated(unsafe) static let goalNumbering =
    /(?:^|\s)(?:目标\s*\d+\s*[：:.．、]|\d+\s*[、．]|\(\d+\)|（\d+）)/
}
