/// Spaces that a document-sharing site or a PDF-to-text converter leaves where a cell's text
/// wrapped (`县级储备粮管理制 度严格执行率`, `产 出 指 标`): in text whose cells run together,
/// they cut words, not cells.
///
/// Whether they are wraps or cell separators cannot be told from one space; the caller reads
/// the text both ways and keeps the reading the aligner recognises clearly more in.
public enum WrapSpaces {
  /// `text` with every single space between two Chinese characters (CJK ideographs and CJK
  /// punctuation) removed, or nil when there is none. Runs of two or more spaces, tabs and
  /// line breaks are kept: those are a layout's column gaps.
  /// - Parameter minimum: the fewest such spaces worth a second reading (a few spaces are the
  ///   text's own, `部门 名称`; a page whose cells wrapped has many).
  public static func joined(_ text: String, minimum: Int = 1) -> String? {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    out.reserveCapacity(scalars.count)
    var removed = 0
    for (i, scalar) in scalars.enumerated() {
      if scalar == " ", i > 0, i + 1 < scalars.count, isChinese(scalars[i - 1]),
        isChinese(scalars[i + 1])
      {
        removed += 1
        continue
      }
      out.append(scalar)
    }
    return removed >= max(minimum, 1) ? String(out) : nil
  }

  /// CJK ideographs, CJK punctuation and full-width forms.
  static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF5E:
      return scalar.value != 0x3000  // the ideographic space is a space
    default:
      return false
    }
  }
}
