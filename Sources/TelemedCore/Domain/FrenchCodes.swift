/// Shapes of the French administrative codes a scenario carries. Only the shape is checked: the
/// registries themselves (INSEE, FINESS, RPPS) are not shipped.
public enum FrenchCodes {
    /// INSEE commune code: a department (two digits, `2A` or `2B`) then three digits: `58194`, `2A004`.
    public static func isCommuneCode(_ code: String) -> Bool {
        isDepartmentThenDigits(code, length: 5)
    }

    /// FINESS establishment number: a department (two digits, `2A` or `2B`) then seven digits.
    public static func isFinessNumber(_ number: String) -> Bool {
        isDepartmentThenDigits(number, length: 9)
    }

    /// RPPS number of a health professional: eleven digits.
    public static func isRPPSNumber(_ number: String) -> Bool {
        number.count == 11 && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `58` for `58194`, `2A` for `2A004`, `971` for overseas `97105`.
    public static func departmentCode(ofCommune code: String) -> String {
        code.hasPrefix("97") ? String(code.prefix(3)) : String(code.prefix(2))
    }

    private static func isDepartmentThenDigits(_ text: String, length: Int) -> Bool {
        let chars = Array(text)
        guard chars.count == length, chars.allSatisfy(\.isASCII) else { return false }
        let department = String(chars[0...1])
        let departmentOK = department.allSatisfy(\.isNumber) || department == "2A" || department == "2B"
        return departmentOK && chars[2...].allSatisfy(\.isNumber)
    }
}
