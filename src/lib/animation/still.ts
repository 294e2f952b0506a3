import type { AnimationDefinition, Pose } from '../core/pose-schema.ts';
import { figureBox, figureShapes, frameFor, type Frame, type Tone } from './figure.ts';
import { blendPoses, CAMERAS, project, solvePose, type ScreenPoint, type View } from './pose.ts';

/**
 * The figure's pictures as SVG markup, pure (same input, same string): the still of a pose (shown
 * before lottie-web has loaded), the ground and the faint "ghost" of today's target under the
 * moving figure, the target marker and the first loop's arrow over it, and the reduced-motion pair
 * of start and end.
 */

/** Default colours; pages restyle them through the classes (light and dark themes). */
export const TONE_COLOURS: Record<Tone, string> = {
	body: '#3d6e91',
	nearArm: '#1f4259',
	nearLeg: '#28313c',
	farArm: '#a8c2d5',
	farLeg: '#b3bdc7',
	skin: '#d08c66',
	farSkin: '#efcfbb',
	hair: '#47302a',
	shoulderAxis: '#e0662f',
	hipAxis: '#12917a'
};

export const TONE_CLASSES: Record<Tone, string> = {
	body: 'figure-body',
	nearArm: 'figure-near-arm',
	nearLeg: 'figure-near-leg',
	farArm: 'figure-far-arm',
	farLeg: 'figure-far-leg',
	skin: 'figure-skin',
	farSkin: 'figure-far-skin',
	hair: 'figure-hair',
	shoulderAxis: 'figure-shoulder-axis',
	hipAxis: 'figure-hip-axis'
};

const round = (n: number) => Math.round(n * 10) / 10;
const pt = (p: { h: number; v: number }) => `${round(p.h)} ${round(p.v)}`;

export interface StillOptions {
	mirrored?: boolean;
	axes?: boolean;
	/** Paint every part in one class (the ghost) instead of the figure's tones. */
	ghost?: boolean;
}

/** The figure's shapes as SVG elements, farthest first. */
export function figureMarkup(pose: Pose, view: View, options: StillOptions = {}): string {
	return figureShapes(pose, view, options)
		.map((shape) => {
			const paint = options.ghost ? '' : ` class="${TONE_CLASSES[shape.tone]}"`;
			const colour = options.ghost ? '' : TONE_COLOURS[shape.tone];
			if (shape.kind === 'disc') {
				return `<circle${paint} cx="${round(shape.centre.h)}" cy="${round(shape.centre.v)}" r="${shape.radius}"${colour ? ` fill="${colour}"` : ''}/>`;
			}
			return `<line${paint} x1="${round(shape.from.h)}" y1="${round(shape.from.v)}" x2="${round(shape.to.h)}" y2="${round(shape.to.v)}"${colour ? ` stroke="${colour}"` : ''} stroke-width="${shape.thickness}" stroke-linecap="round"/>`;
		})
		.join('');
}

/**
 * The floor under the figure: a mat (a strip seen level, a rectangle seen from above) and a soft
 * shadow under the body, sized to the poses it must hold.
 */
export function groundMarkup(poses: readonly Pose[], view: View, mirrored = false): string {
	const box = figureBox(poses, view, false);
	const tilt = CAMERAS[view].tilt;
	let mat: string;
	let shadow: { h: number; v: number; rh: number; rv: number };
	if (tilt === 0) {
		const left = box.minH - 12;
		const right = box.maxH + 12;
		mat = `<rect class="figure-mat" x="${round(left)}" y="0" width="${round(right - left)}" height="3" rx="1.5" fill="#e2ece6"/><line class="figure-floor" x1="-999" y1="0" x2="999" y2="0" stroke="#9aa7b1" stroke-width="1.5"/>`;
		shadow = { h: (box.minH + box.maxH) / 2, v: 0.5, rh: (box.maxH - box.minH) / 2 + 4, rv: 3 };
	} else {
		// The mat is a rectangle on the floor under everything the figure reaches, seen in perspective.
		const xs: number[] = [];
		const zs: number[] = [];
		for (const pose of poses) {
			for (const p of Object.values(solvePose(pose))) {
				xs.push(p.x);
				zs.push(p.z);
			}
		}
		const [x0, x1] = [Math.min(...xs) - 20, Math.max(...xs) + 20];
		const [z0, z1] = [Math.min(...zs, -30) - 15, Math.max(...zs, 30) + 15];
		const corners = [
			[x0, z0],
			[x1, z0],
			[x1, z1],
			[x0, z1]
		].map(([x, z]) => project({ x: x!, y: 0, z: z! }, view, mirrored));
		mat = `<path class="figure-mat" d="M${corners.map(pt).join('L')}Z" fill="#e2ece6"/>`;
		const centre = project({ x: (x0 + x1) / 2, y: 0, z: 0 }, view, mirrored);
		shadow = {
			h: centre.h,
			v: centre.v,
			rh: (box.maxH - box.minH) / 2,
			rv: ((box.maxH - box.minH) / 2) * Math.sin((tilt * Math.PI) / 180) * 0.5
		};
	}
	return `${mat}<ellipse class="figure-shadow" cx="${round(shadow.h)}" cy="${round(shadow.v)}" rx="${round(shadow.rh)}" ry="${round(shadow.rv)}" fill="#000" opacity="0.12"/>`;
}

function svg(frame: Frame, content: string, className: string): string {
	const viewBox = [frame.left, frame.top, frame.width, frame.height].map(round).join(' ');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" class="${className}" aria-hidden="true" focusable="false">${content}</svg>`;
}

export interface PictureOptions extends StillOptions {
	/** Defaults to a frame around the pose alone. */
	frame?: Frame;
	/** Poses the ground must hold (defaults to the one drawn). */
	ground?: readonly Pose[];
}

/** A still picture of one pose on its floor. */
export function poseToSvg(pose: Pose, view: View, options: PictureOptions = {}): string {
	const ground = groundMarkup(options.ground ?? [pose], view, options.mirrored);
	const frame = options.frame ?? frameFor([pose], view, options.mirrored);
	return svg(frame, ground + figureMarkup(pose, view, options), 'figure-still');
}

/** What lies under the moving figure: the floor, its shadow and the ghost of today's target. */
export function underlaySvg(
	animation: AnimationDefinition,
	target: Pose,
	options: PictureOptions & { frame: Frame }
): string {
	const ground = groundMarkup(options.ground ?? [animation.start, target], animation.view, options.mirrored);
	const ghost = `<g class="figure-ghost" opacity="0.3" fill="#5f8fb3" stroke="#5f8fb3">${figureMarkup(target, animation.view, { ...options, ghost: true })}</g>`;
	return svg(options.frame, ground + ghost, 'figure-under');
}

/** Where the guide point goes from the start pose to the target, sampled along the movement. */
function guidePath(animation: AnimationDefinition, target: Pose, mirrored: boolean): ScreenPoint[] {
	const point = animation.guide?.point ?? 'head';
	const path: ScreenPoint[] = [];
	for (let step = 0; step <= 8; step += 1) {
		const pose = blendPoses(animation.start, target, step / 8);
		path.push(project(solvePose(pose)[point], animation.view, mirrored));
	}
	return path;
}

/** An arrow along the movement, with its head at the target. */
export function arrowMarkup(
	animation: AnimationDefinition,
	target: Pose,
	scale: number,
	mirrored = false
): string {
	const path = guidePath(animation, target, mirrored);
	const end = path.at(-1)!;
	const before = path.at(-2)!;
	const length = Math.hypot(end.h - path[0]!.h, end.v - path[0]!.v);
	if (length < 3) return '';
	const angle = Math.atan2(end.v - before.v, end.h - before.h);
	const size = 4 * scale;
	const wing = (turn: number) => ({
		h: end.h - size * Math.cos(angle + turn),
		v: end.v - size * Math.sin(angle + turn)
	});
	return `<g class="figure-arrow"><path d="M${path.map(pt).join('L')}" fill="none" stroke="#c2410c" stroke-width="${round(1.4 * scale)}" stroke-linecap="round" stroke-linejoin="round"/><path d="M${pt(wing(0.5))}L${pt(end)}L${pt(wing(-0.5))}" fill="none" stroke="#c2410c" stroke-width="${round(1.4 * scale)}" stroke-linecap="round" stroke-linejoin="round"/></g>`;
}

/**
 * Today's target: an arc about the joint from the start to today's end, or a line along the
 * movement, with today's number beside it.
 */
export function markerMarkup(
	animation: AnimationDefinition,
	target: Pose,
	label: string,
	frame: Frame,
	mirrored = false,
	labelScale = 1
): string {
	const scale = frame.width / 180;
	const guide = animation.guide;
	if (!guide) return '';
	const at = (pose: Pose, name: NonNullable<typeof guide.about>) =>
		project(solvePose(pose)[name], animation.view, mirrored);
	let line: string;
	if (guide.about) {
		const centre = at(target, guide.about);
		const from = at(animation.start, guide.point);
		const startCentre = at(animation.start, guide.about);
		const to = at(target, guide.point);
		const a0 = Math.atan2(from.v - startCentre.v, from.h - startCentre.h);
		let a1 = Math.atan2(to.v - centre.v, to.h - centre.h);
		if (a1 - a0 > Math.PI) a1 -= 2 * Math.PI;
		if (a0 - a1 > Math.PI) a1 += 2 * Math.PI;
		const radius = Math.max(10, 0.6 * Math.hypot(to.h - centre.h, to.v - centre.v));
		const onArc = (a: number, r = radius) => ({
			h: centre.h + r * Math.cos(a),
			v: centre.v + r * Math.sin(a)
		});
		const sweep = a1 > a0 ? 1 : 0;
		const large = Math.abs(a1 - a0) > Math.PI ? 1 : 0;
		line = `<path d="M${pt(centre)}L${pt(onArc(a0))}A${round(radius)} ${round(radius)} 0 ${large} ${sweep} ${pt(onArc(a1))}Z" fill="#c2410c" fill-opacity="0.12" stroke="#c2410c" stroke-width="${round(0.8 * scale)}" stroke-dasharray="${round(2 * scale)} ${round(1.5 * scale)}"/>`;
	} else {
		const path = guidePath(animation, target, mirrored);
		const end = path.at(-1)!;
		line = `<path d="M${path.map(pt).join('L')}" fill="none" stroke="#c2410c" stroke-width="${round(0.8 * scale)}" stroke-dasharray="${round(2 * scale)} ${round(1.5 * scale)}"/><circle cx="${round(end.h)}" cy="${round(end.v)}" r="${round(2 * scale)}" fill="#c2410c"/>`;
	}
	// Today's number sits in the top right corner, clear of the figure, readable from the floor.
	const size = 11 * scale * labelScale;
	const width = (label.length * 0.6 + 0.9) * size;
	const left = frame.left + frame.width - width - 4 * scale;
	const top = frame.top + 4 * scale;
	return `<g class="figure-marker">${line}<rect x="${round(left)}" y="${round(top)}" width="${round(width)}" height="${round(size * 1.5)}" rx="${round(size * 0.4)}" fill="#fff" stroke="#c2410c" stroke-width="${round(0.6 * scale)}"/><text x="${round(left + width / 2)}" y="${round(top + size * 1.08)}" font-size="${round(size)}" font-weight="700" text-anchor="middle" fill="#9a3412">${label}</text></g>`;
}

export interface OverlayOptions {
	frame: Frame;
	mirrored?: boolean;
	/** Today's number ("17°"), shown where the exercise has a range. */
	label?: string;
	/** Draw the arrow of the movement (the first loop). */
	arrow?: boolean;
}

/** What lies over the moving figure: the target marker and, on the first loop, the arrow. */
export function overlaySvg(
	animation: AnimationDefinition,
	target: Pose,
	options: OverlayOptions
): string {
	const scale = options.frame.width / 180;
	const marker = options.label
		? markerMarkup(animation, target, options.label, options.frame, options.mirrored)
		: '';
	const arrow = options.arrow ? arrowMarkup(animation, target, scale, options.mirrored) : '';
	return svg(options.frame, marker + arrow, 'figure-over');
}

/**
 * The reduced-motion picture: the start pose and today's end pose side by side, each on its floor,
 * with an arrow between them, and today's marker on the end pose.
 */
export function pairSvg(
	animation: AnimationDefinition,
	target: Pose,
	options: PictureOptions & { frame: Frame; label?: string }
): string {
	const { frame } = options;
	const gap = frame.width * 0.22;
	const ground = options.ground ?? [animation.start, target];
	const picture = (pose: Pose, extra: string, dx: number) =>
		`<g transform="translate(${round(dx)} 0)">${groundMarkup(ground, animation.view, options.mirrored)}${figureMarkup(pose, animation.view, options)}${extra}</g>`;
	const scale = frame.width / 180;
	const marker =
		(options.label
			? markerMarkup(animation, target, options.label, frame, options.mirrored, 1.6)
			: '') + arrowMarkup(animation, target, frame.width / 180, options.mirrored);
	const midV = frame.top + frame.height / 2;
	const x0 = frame.left + frame.width + gap * 0.2;
	const x1 = frame.left + frame.width + gap * 0.8;
	const arrow = `<path class="figure-pair-arrow" d="M${round(x0)} ${round(midV)}H${round(x1)}M${round(x1 - gap * 0.2)} ${round(midV - gap * 0.2)}L${round(x1)} ${round(midV)}L${round(x1 - gap * 0.2)} ${round(midV + gap * 0.2)}" fill="none" stroke="#c2410c" stroke-width="${round(2.5 * scale)}" stroke-linecap="round" stroke-linejoin="round"/>`;
	const wide = { ...frame, width: frame.width * 2 + gap };
	return svg(
		wide,
		picture(animation.start, '', 0) + arrow + picture(target, marker, frame.width + gap),
		'figure-pair'
	);
}
