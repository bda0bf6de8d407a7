// form-js validates in the browser with English sentences (Validator in @bpmn-io/form-js-viewer, runPresetValidation
// and runNumberValidation); a screen in Kazakh or Russian shows them translated. Unknown sentences are kept as they are.
import type { Language } from '../i18n';

type Rule = [RegExp, Record<Language, string>];

const rules: Rule[] = [
  [/^Field is required\.$/, { kk: 'Толтыру міндетті.', ru: 'Обязательное поле.' }],
  [/^Field must have minimum value of (.+)\.$/, { kk: 'Ең кіші мәні: $1.', ru: 'Наименьшее значение: $1.' }],
  [/^Field must have maximum value of (.+)\.$/, { kk: 'Ең үлкен мәні: $1.', ru: 'Наибольшее значение: $1.' }],
  [/^Field must have minimum length of (.+)\.$/, { kk: 'Кемінде $1 таңба.', ru: 'Не менее $1 символов.' }],
  [/^Field must have maximum length of (.+)\.$/, { kk: 'Ең көбі $1 таңба.', ru: 'Не более $1 символов.' }],
  [/^Field must match pattern .+\.$/, { kk: 'Мән үлгіге сәйкес емес.', ru: 'Значение не соответствует образцу.' }],
  [/^Value is not a number\.$/, { kk: 'Сан енгізіңіз.', ru: 'Введите число.' }],
  [/^Value is expected to be an integer\.$/, { kk: 'Бүтін сан енгізіңіз.', ru: 'Введите целое число.' }],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    { kk: 'Үтірден кейін ең көбі $1 цифр.', ru: 'Не более $1 знаков после запятой.' }],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    { kk: 'Рұқсат етілген мән таңдаңыз: $1 немесе $2.', ru: 'Выберите допустимое значение: $1 или $2.' }],
  [/^Field must be a valid email\.$/, { kk: 'Электрондық пошта мекенжайы қате.', ru: 'Неверный адрес электронной почты.' }],
  [/^Field must be a valid\s+international phone number.*$/,
    { kk: 'Телефон нөмірі халықаралық форматта болуы керек (+77011234567).',
      ru: 'Номер телефона в международном формате (+77011234567).' }],
  [/^(Min|Max) validation value is not a valid number\.$/,
    { kk: 'Нысанның шектеуі қате: заң бөліміне хабарлаңыз.', ru: 'Ограничение формы задано неверно: сообщите юристам.' }],
];

/** A form-js validation message in the screen's language. */
export function translateFormMessage(message: string, language: Language): string {
  for (const [pattern, texts] of rules) {
    if (pattern.test(message)) {
      return message.replace(pattern, texts[language]);
    }
  }
  return message;
}
