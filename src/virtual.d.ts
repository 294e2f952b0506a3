declare module 'virtual:routes-data' {
	const content: import('$lib/core/content/definitions').Content;
	export default content;
}
