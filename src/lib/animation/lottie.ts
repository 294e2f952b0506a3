import type { AnimationDefinition } from '../core/content/pose-schema.ts';
import {
	arrowPoints,
	figureShapes,
	frameFor,
	groundShape,
	guidePath,
	hollowShape,
	toneClass,
	type FigureShape,
	type Frame
} from './figure.ts';
import { loopPhases, samplePoses, type LoopTiming, type PoseSample } from './loop.ts';
import { targetPose, blendPoses, type ScreenPoint } from './pose.ts';

/**
 * Turns an exercise's key poses into Lottie animation data for lottie-web's SVG renderer. Pure and
 * deterministic: the same input gives the same JSON.
 *
 * Each drawn part of the figure is one shape layer holding a single straight path from (0, 0)
 * along +x, stroked with round ends. The layer's keyframed position puts that path's start on the
 * joint and its keyframed rotation points it along the limb; where a view foreshortens a limb the
 * path's length is keyframed too (never a scale, which would squash the round ends). The head and
 * the nose are circles whose position is keyframed. Keyframes are the loop sampled every few
 * frames with the easing applied; samples that a straight line through their neighbours already
 * gives are dropped, so a hold costs two keyframes. The ghost of today's target, the floor, today's
 * trail and the arrow are layers that do not move. Every layer carries a class, and the page's
 * stylesheet gives each its colour (light and dark themes); the data's own colour is plain ink.
 */

export type AnimationSide = 'left' | 'right' | 'both';

export interface LottieOptions {
	/** Today's range / the range dial's maximum (1 without a range dial). */
	rangeFraction: number;
	/** The side being worked; the poses describe the right side and 'left' mirrors them. */
	side: AnimationSide;
	timing: LoopTiming;
	/** Whether the exercise is done per side: the frame then fits both mirror images. */
	perSide?: boolean;
	/** Draw today's trail: the path to today's target, where the exercise has a range. */
	marker?: boolean;
	frameRate?: number;
	name?: string;
}

/** Width and height of the composition in Lottie units (pixels before the SVG is scaled). */
export const COMPOSITION = { width: 400, height: 300 } as const;
const DEFAULT_FRAME_RATE = 30;
/** Differences too small to see on a phone (composition pixels, degrees) need no keyframe. */
const POSITION_TOLERANCE = 0.3;
const ROTATION_TOLERANCE = 0.3;

// A subset of the Lottie (bodymovin) format: only what this generator writes.
type Vector = number[];
interface Ease {
	x: number[];
	y: number[];
}
interface Keyframe<T> {
	t: number;
	s: T;
	i?: Ease;
	o?: Ease;
}
type Property<T> = { a: 0; k: T } | { a: 1; k: Keyframe<T>[] };
interface PathValue {
	i: Vector[];
	o: Vector[];
	v: Vector[];
	c: boolean;
}
interface Transform {
	o: Property<number>;
	/** Degrees clockwise; a one-number array in keyframes, as bodymovin writes it. */
	r: { a: 0; k: number } | { a: 1; k: Keyframe<Vector>[] };
	p: Property<Vector>;
	a: Property<Vector>;
	s: Property<Vector>;
}
type Shape =
	| { ty: 'sh'; ks: Property<PathValue[]> | { a: 0; k: PathValue } }
	| { ty: 'el'; p: Property<Vector>; s: Property<Vector>; d: 1 }
	| {
			ty: 'st';
			c: Property<Vector>;
			o: Property<number>;
			w: Property<number>;
			lc: 2;
			lj: 2;
	  }
	| { ty: 'fl'; c: Property<Vector>; o: Property<number>; r: 1 };
export interface ShapeLayer {
	ddd: 0;
	ind: number;
	ty: 4;
	nm: string;
	/** Becomes the layer's class in the SVG, so a page can restyle it (dark theme). */
	cl: string;
	sr: 1;
	ks: Transform;
	ao: 0;
	shapes: Shape[];
	ip: number;
	op: number;
	st: 0;
	bm: 0;
}
export interface LottieAnimation {
	v: string;
	fr: number;
	ip: 0;
	op: number;
	w: number;
	h: number;
	nm: string;
	ddd: 0;
	assets: [];
	layers: ShapeLayer[];
}

/** Lottie's linear easing handles: the sampling already carries the ease in and out. */
const LINEAR_OUT: Ease = { x: [0], y: [0] };
const LINEAR_IN: Ease = { x: [1], y: [1] };

const round = (n: number) => Math.round(n * 100) / 100;

/** lottie-web needs a colour; the page's stylesheet paints each part by its class. */
const INK: Vector = [0, 0, 0, 1];

interface Mapping {
	scale: number;
	toPoint(h: number, v: number): Vector;
}

function mappingFor(frame: Frame): Mapping {
	const scale = COMPOSITION.width / frame.width;
	return {
		scale,
		toPoint: (h, v) => [round((h - frame.left) * scale), round((v - frame.top) * scale)]
	};
}

/** One value per sample for each property of a part, before keyframes are thinned. */
interface PartTrack {
	position: Vector[];
	rotation: number[];
	length: number[];
}

function wrapDegrees(delta: number): number {
	return ((((delta + 180) % 360) + 360) % 360) - 180;
}

function trackParts(
	samples: readonly PoseSample[],
	animation: AnimationDefinition,
	mirrored: boolean,
	map: Mapping
) {
	const tracks = new Map<string, PartTrack>();
	const depthSums = new Map<string, number>();
	const firstShapes = new Map<string, FigureShape>();
	for (const sample of samples) {
		for (const shape of figureShapes(sample.pose, animation.view, {
			mirrored,
			axes: animation.axes
		})) {
			depthSums.set(shape.id, (depthSums.get(shape.id) ?? 0) + shape.depth);
			if (!firstShapes.has(shape.id)) firstShapes.set(shape.id, shape);
			let track = tracks.get(shape.id);
			if (!track) {
				track = { position: [], rotation: [], length: [] };
				tracks.set(shape.id, track);
			}
			if (shape.kind === 'disc') {
				track.position.push(map.toPoint(shape.centre.h, shape.centre.v));
				continue;
			}
			const dh = shape.to.h - shape.from.h;
			const dv = shape.to.v - shape.from.v;
			const length = Math.hypot(dh, dv) * map.scale;
			const previous = track.rotation.at(-1);
			// A limb pointing straight at the viewer has no direction on screen: keep the last one.
			let rotation =
				length < 0.5 && previous !== undefined ? previous : (Math.atan2(dv, dh) * 180) / Math.PI;
			if (previous !== undefined) rotation = previous + wrapDegrees(rotation - previous);
			track.position.push(map.toPoint(shape.from.h, shape.from.v));
			track.rotation.push(round(rotation));
			track.length.push(round(length));
		}
	}
	// Paint order: the part nearest the viewer on average over the loop is drawn last.
	const order = [...firstShapes.keys()]
		.map((id, index) => ({ id, index, depth: depthSums.get(id)! / samples.length }))
		.sort((a, b) => a.depth - b.depth || a.index - b.index)
		.map(({ id }) => id);
	return { tracks, order, shapes: firstShapes };
}

/**
 * Keyframes for one property, dropping any sample that lies on the straight line between the
 * kept one before it and the sample after it.
 */
function keyframes<T>(
	frames: readonly number[],
	values: readonly T[],
	toNumbers: (value: T) => number[],
	tolerance: number
): Property<T> {
	const first = values[0]!;
	const same = (a: number[], b: number[]) => a.every((n, i) => Math.abs(n - b[i]!) <= tolerance);
	if (values.every((value) => same(toNumbers(value), toNumbers(first)))) return { a: 0, k: first };
	const kept: number[] = [0];
	for (let index = 1; index < values.length - 1; index += 1) {
		const before = kept.at(-1)!;
		const a = toNumbers(values[before]!);
		const b = toNumbers(values[index + 1]!);
		const span = frames[index + 1]! - frames[before]!;
		const t = span === 0 ? 0 : (frames[index]! - frames[before]!) / span;
		const expected = a.map((n, i) => n + (b[i]! - n) * t);
		if (!same(toNumbers(values[index]!), expected)) kept.push(index);
	}
	kept.push(values.length - 1);
	return {
		a: 1,
		k: kept.map((index, position) => {
			const key: Keyframe<T> = { t: frames[index]!, s: values[index]! };
			if (position < kept.length - 1) {
				key.o = LINEAR_OUT;
				key.i = LINEAR_IN;
			}
			return key;
		})
	};
}

const staticValue = <T>(k: T): { a: 0; k: T } => ({ a: 0, k });

/** A path through points, with straight lines between them (Lottie's tangents all zero). */
function pathValue(points: Vector[], closed = false): PathValue {
	// Separate arrays: lottie-web turns tangents into absolute points in place.
	const none = () => points.map(() => [0, 0]);
	return { i: none(), o: none(), v: points, c: closed };
}

function layer(
	index: number,
	name: string,
	className: string,
	ks: Transform,
	shapes: Shape[],
	op: number
): ShapeLayer {
	return {
		ddd: 0,
		ind: index,
		ty: 4,
		nm: name,
		cl: `figure-part part-${name} ${className}`,
		sr: 1,
		ks,
		ao: 0,
		shapes,
		ip: 0,
		op,
		st: 0,
		bm: 0
	};
}

function transform(position: Property<Vector>, rotation: Property<Vector>): Transform {
	const r: Transform['r'] = rotation.a === 0 ? staticValue(rotation.k[0] ?? 0) : rotation;
	return {
		o: staticValue(100),
		r,
		p: position,
		a: staticValue([0, 0, 0]),
		s: staticValue([100, 100, 100])
	};
}

/** The frame an animation is drawn in: the same for every dose and both sides of an exercise. */
export function animationFrame(animation: AnimationDefinition, perSide: boolean): Frame {
	const end = targetPose(animation, 1);
	const poses = [0, 0.25, 0.5, 0.75, 1].map((t) => blendPoses(animation.start, end, t));
	return frameFor(poses, animation.view, perSide || animation.alternate === true);
}

export function animationToLottie(
	animation: AnimationDefinition,
	options: LottieOptions
): LottieAnimation {
	const frameRate = options.frameRate ?? DEFAULT_FRAME_RATE;
	const mirrored = options.side === 'left';
	const frame = animationFrame(animation, options.perSide ?? false);
	const map = mappingFor(frame);
	const samples = samplePoses(
		loopPhases(animation, options.rangeFraction, options.timing),
		frameRate
	);
	const frames = samples.map((sample) => sample.frame);
	const op = frames.at(-1)!;
	const target = targetPose(animation, options.rangeFraction);
	const layers: ShapeLayer[] = [];
	const add = (name: string, className: string, ks: Transform, shapes: Shape[]) =>
		layers.push(layer(layers.length + 1, name, className, ks, shapes, op));
	const still = transform(staticValue([0, 0]), staticValue([0]));
	const stroke = (width: number): Shape => ({
		ty: 'st',
		c: staticValue(INK),
		o: staticValue(100),
		w: staticValue(round(width * map.scale)),
		lc: 2,
		lj: 2
	});
	const fill: Shape = { ty: 'fl', c: staticValue(INK), o: staticValue(100), r: 1 };
	const path = (points: ScreenPoint[], closed = false): Shape => ({
		ty: 'sh',
		ks: staticValue(
			pathValue(
				points.map((p) => map.toPoint(p.h, p.v)),
				closed
			)
		)
	});

	// Lottie draws its first layer on top: the arrow (first loop only), today's trail, the moving
	// figure, the ghost of today's target, then the floor.
	const guide = guidePath(animation, target, mirrored);
	const arrow = arrowPoints(guide, 9);
	if (arrow) add('arrow', 'figure-arrow', still, [path(arrow), stroke(1.5)]);
	if (options.marker) add('trail', 'figure-trail', still, [path(guide), stroke(1)]);
	partLayers(samples, frames, animation, mirrored, map, add, '');
	if (animation.hollow) {
		const outline = (pose: (typeof samples)[number]['pose']) =>
			pathValue(
				hollowShape(pose, animation.view, mirrored).map((p) => map.toPoint(p.h, p.v)),
				true
			);
		const shape = keyframes(
			frames,
			samples.map((sample) => [outline(sample.pose)]),
			([path]) => path!.v.flat(),
			POSITION_TOLERANCE
		);
		add('hollow', 'figure-hollow figure-disc', still, [
			{ ty: 'sh', ks: shape.a === 0 ? staticValue(shape.k[0]!) : shape },
			fill
		]);
	}
	// The ghost is an outline: its parts in a pale fill over the same parts drawn a little wider in
	// the outline's colour, so it never reads as the figure's own far limbs.
	const ghost: PoseSample[] = [{ frame: 0, pose: target }];
	partLayers(ghost, [0], animation, mirrored, map, add, 'ghost');
	partLayers(ghost, [0], animation, mirrored, map, add, 'ghost-edge');
	const ground = groundShape([animation.start, target], animation.view, mirrored);
	const size = [round(2 * ground.shadow.rh * map.scale), round(2 * ground.shadow.rv * map.scale)];
	add(
		'shadow',
		'figure-shadow figure-disc',
		transform(staticValue(map.toPoint(ground.shadow.h, ground.shadow.v)), staticValue([0])),
		[{ ty: 'el', p: staticValue([0, 0]), s: staticValue(size), d: 1 }, fill]
	);
	add('mat', 'figure-mat figure-disc', still, [path(ground.mat, true), fill]);
	return {
		v: '5.7.0',
		fr: frameRate,
		ip: 0,
		op,
		w: COMPOSITION.width,
		h: COMPOSITION.height,
		nm: options.name ?? 'exercise',
		ddd: 0,
		assets: [],
		layers
	};
}

/** Width of the ghost's outline, in composition pixels. */
const GHOST_EDGE = 2.5;

/**
 * One layer per drawn part of the figure, nearest first, keyframed over the samples (a single
 * sample gives a still figure: the ghost's fill, or its outline, each painted in one class).
 */
function partLayers(
	samples: readonly PoseSample[],
	frames: readonly number[],
	animation: AnimationDefinition,
	mirrored: boolean,
	map: Mapping,
	add: (name: string, className: string, ks: Transform, shapes: Shape[]) => void,
	ghost: '' | 'ghost' | 'ghost-edge'
) {
	const widen = ghost === 'ghost-edge' ? 2 * GHOST_EDGE : 0;
	const { tracks, order, shapes } = trackParts(samples, animation, mirrored, map);
	for (const id of [...order].reverse()) {
		const shape = shapes.get(id)!;
		const track = tracks.get(id)!;
		const name = ghost ? `${ghost}-${id}` : id;
		const tone = ghost ? `figure-${ghost}` : toneClass(shape.tone);
		const position = keyframes(frames, track.position, (p) => p, POSITION_TOLERANCE);
		const ink = { c: staticValue(INK), o: staticValue(100) };
		if (shape.kind === 'disc') {
			const size = round(2 * shape.radius * map.scale + widen);
			add(name, `${tone} figure-disc`, transform(position, staticValue([0])), [
				{ ty: 'el', p: staticValue([0, 0]), s: staticValue([size, size]), d: 1 },
				{ ty: 'fl', ...ink, r: 1 }
			]);
			continue;
		}
		const rotation = keyframes(
			frames,
			track.rotation.map((r) => [r]),
			(r) => r,
			ROTATION_TOLERANCE
		);
		const lengths = keyframes(
			frames,
			track.length.map((l) => [
				pathValue([
					[0, 0],
					[l, 0]
				])
			]),
			([path]) => [path!.v[1]![0]!],
			POSITION_TOLERANCE
		);
		add(name, tone, transform(position, rotation), [
			{ ty: 'sh', ks: lengths.a === 0 ? staticValue(lengths.k[0]!) : lengths },
			{ ty: 'st', ...ink, w: staticValue(round(shape.thickness * map.scale + widen)), lc: 2, lj: 2 }
		]);
	}
}

/** Frames of the loop where the target pose is first reached and then left (for stills). */
export function holdFrames(
	timing: LoopTiming,
	frameRate = DEFAULT_FRAME_RATE
): { reached: number; left: number } {
	const reached = Math.round(timing.rest * frameRate) + Math.round(timing.up * frameRate);
	return { reached, left: reached + Math.max(1, Math.round(timing.hold * frameRate)) };
}
