// echarts ships its locale objects (lib/i18n/lang*.js) without declarations next to them.
declare module 'echarts/lib/i18n/langFR.js' {
  const locale: import('echarts/types/src/core/locale').LocaleOption;
  export default locale;
}
