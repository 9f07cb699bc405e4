import Foundation

/// A reply folded for matching, with every folded scalar mapped back to the reply as typed.
///
/// Folding applies NFKC to compatibility characters (Hebrew presentation forms, full-width
/// Latin, ligatures), strips niqqud, cantillation and invisible bidi/format marks, maps the
/// variants of geresh, gershayim, maqaf and dashes to `'`, `"` and `-`, folds Hebrew final
/// letters and lower-cases Latin. ``origin`` keeps, for each folded scalar, the offset of the
/// scalar it came from, so evidence can point at what the trainee actually typed.
public struct NormalizedText: Sendable {
    /// The reply as typed, as Unicode scalars.
    public let original: [Unicode.Scalar]
    /// The folded scalars.
    public let scalars: [Unicode.Scalar]
    /// For each folded scalar, the offset (in scalars) of the typed scalar it came from.
    public let origin: [Int]

    /// The typed text between two scalar offsets (clamped into range).
    public func originalText(from start: Int, to end: Int) -> String {
        let lower = max(0, min(start, original.count))
        let upper = max(lower, min(end, original.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: original[lower..<upper])
        return String(view)
    }
}

/// Folds text for matching while keeping offsets into the original (see ``NormalizedText``).
public enum TextNormalizer {
    /// Normalises a reply or a customer line.
    public static func normalize(_ text: String) -> NormalizedText {
        let original = Array(text.unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        scalars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        for (offset, scalar) in original.enumerated() {
            fold(scalar) { folded in
                scalars.append(folded)
                origin.append(offset)
            }
        }
        return NormalizedText(original: original, scalars: scalars, origin: origin)
    }

    /// Folds one typed scalar into zero or more scalars and hands each to `emit`.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        // ASCII fast path.
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: emit(Unicode.Scalar(value + 0x20)!)
            case 0x60: emit("'")  // grave accent typed as geresh
            case 0x09, 0x0A, 0x0D: emit(scalar)
            case 0x00..<0x20, 0x7F: emit(" ")  // other control characters separate words
            default: emit(scalar)
            }
            return
        }
        // Hebrew block.
        if value >= 0x0590 && value <= 0x05FF {
            if HebrewLetters.isMark(scalar) { return }
            switch value {
            case 0x05BE: emit("-")  // maqaf
            case 0x05F3: emit("'")  // geresh
            case 0x05F4: emit("\"")  // gershayim
            case 0x05C0, 0x05C3: emit(" ")  // paseq, sof pasuq
            default: emit(HebrewLetters.foldFinal(scalar))
            }
            return
        }
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x02BC, 0x02B9, 0xFF07: emit("'")
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0xFF02: emit("\"")
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: emit("-")
        case 0x2028, 0x2029, 0x0085: emit("\n")
        case 0x2026: emit("."); emit("."); emit(".")
        default:
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return  // niqqud elsewhere, bidi marks, ZWJ, BOM
            case .control: emit(" "); return
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: emit(" "); return
            default: break
            }
            if value >= 0x1F000 || value == 0x20AA { emit(scalar); return }  // emoji, ₪
            // NFKC for compatibility characters (presentation forms, full-width, ligatures).
            if properties.isAlphabetic || properties.numericType != nil || (value >= 0xFB00 && value <= 0xFFEF) {
                let composed = String(scalar).precomposedStringWithCompatibilityMapping
                for part in composed.unicodeScalars {
                    if part.value >= 0x0590 && part.value <= 0x05FF {
                        if HebrewLetters.isMark(part) { continue }
                        emit(HebrewLetters.foldFinal(part))
                    } else if part.properties.generalCategory == .nonspacingMark {
                        continue
                    } else if part.properties.isUppercase {
                        for lower in part.properties.lowercaseMapping.unicodeScalars { emit(lower) }
                    } else {
                        emit(part)
                    }
                }
                return
            }
            emit(scalar)
        }
    }
}
